namespace ChatBench.Tests.Examples;

/// <summary>The README shows the seed example's code exactly as it is compiled: a change to either alone fails here.</summary>
public sealed class SeedExampleReadmeTests
{
    /// <summary>The line in the README right before the example's code block.</summary>
    public const string Marker = "<!-- examples/SeedExample/Program.cs, whole: a test keeps the two identical -->";

    [Fact]
    public void The_readme_shows_the_seed_example_exactly_as_compiled()
    {
        var readme = File.ReadAllText(Path.Combine(ChatBench.Benchmarks.Options.RepositoryRoot.Find(), "README.md")).ReplaceLineEndings("\n");
        var source = File.ReadAllText(SeedExampleFiles.Source).ReplaceLineEndings("\n");

        var marker = readme.IndexOf(Marker + "\n```csharp\n", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no C# block right after the line {Marker}");
        var start = marker + Marker.Length + "\n```csharp\n".Length;
        var end = readme.IndexOf("\n```\n", start, StringComparison.Ordinal);
        Assert.True(end >= 0, "The example's code block in README.md is not closed");

        Assert.Equal(source, readme[start..(end + 1)]);
    }
}
