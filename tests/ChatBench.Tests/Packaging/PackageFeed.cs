using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Packaging;

/// <summary>
/// A local folder feed with the repository's packages packed into it, in a temporary folder of its own, under a
/// version no other run uses: a copy of the package restored earlier can never stand in for this one. Disposing it
/// removes the folder and this version from the NuGet cache.
/// </summary>
internal sealed class PackageFeed : IDisposable
{
    private readonly List<string> packed = [];

    public PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("chatbench-feed-").FullName;
        Folder = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
    }

    /// <summary>A temporary folder for what the test builds beside the feed.</summary>
    public string Root { get; }

    public string Folder { get; }

    public string Version { get; } = $"0.0.0-test.{Guid.NewGuid():N}";

    /// <summary>Packs a project of the repository (its path from the root) into the feed, as <c>dotnet pack -o</c> does.</summary>
    public async Task PackAsync(string project, string packageId)
    {
        var (exitCode, output) = await ExternalCommand.RunAsync("dotnet", ["pack", project, "-o", Folder, $"-p:Version={Version}", "-nologo"], RepositoryRoot.Find());
        Assert.True(exitCode == 0, $"dotnet pack {project} failed:\n{output}");
        Assert.True(File.Exists(Path.Combine(Folder, $"{packageId}.{Version}.nupkg")), $"dotnet pack {project} made no {packageId} package:\n{output}");
        packed.Add(packageId);
    }

    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in packed)
        {
            var restored = Path.Combine(cache, id.ToLowerInvariant(), Version);
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }
        }

        Directory.Delete(Root, recursive: true);
    }
}
