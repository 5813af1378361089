using ChatBench.Benchmarks.Options;
using ChatBench.Tests.Stubs;

namespace ChatBench.Tests.Packaging;

/// <summary>
/// The stub as people outside this repository get it: the library packed and restored by a test project of its own
/// from a folder feed, and the dotnet tool installed from the packed file and called by the official OpenAI Node SDK.
/// One test at a time: both pack the library's Release build.
/// </summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class StubPackagesTests
{
    [Fact]
    public async Task The_packed_library_passes_a_fresh_test_project_that_restores_it_from_a_folder_feed()
    {
        using var feed = new PackageFeed();
        await feed.PackAsync("stubs/ChatBench.Stubs", "ChatBench.Stubs");

        // The example as a user's own project: copied out of the repository, its local source pointed at the feed,
        // nuget.org kept for everything else.
        var consumer = Directory.CreateDirectory(Path.Combine(feed.Root, "StubInYourTests")).FullName;
        var example = Path.Combine(RepositoryRoot.Find(), "examples", "StubInYourTests");
        foreach (var file in Directory.EnumerateFiles(example))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        var config = Path.Combine(consumer, "nuget.config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("../../artifacts/packages", feed.Folder, StringComparison.Ordinal));

        var (exitCode, output) = await ExternalCommand.RunAsync("dotnet", ["test", $"-p:ChatBenchStubsVersion={feed.Version}"], consumer);

        Assert.True(exitCode == 0, $"the consumer's dotnet test failed:\n{output}");
        Assert.Contains("succeeded: 3", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(consumer, "bin")), "the consumer was not built where it was copied");
    }

    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_and_serves_the_official_node_sdk()
    {
        using var feed = new PackageFeed();
        await feed.PackAsync("stubs/ChatBench.Stubs.Server", "ChatBench.Stubs.Tool");
        var tools = Path.Combine(feed.Root, "tools");
        var (installed, installOutput) = await ExternalCommand.RunAsync(
            "dotnet", ["tool", "install", "ChatBench.Stubs.Tool", "--version", feed.Version, "--tool-path", tools, "--add-source", feed.Folder], feed.Root);
        Assert.True(installed == 0, $"dotnet tool install failed:\n{installOutput}");

        // The Node SDK check in its own folder, so the repository's stays as it is.
        var interop = Directory.CreateDirectory(Path.Combine(feed.Root, "interop")).FullName;
        foreach (var file in new[] { "package.json", "package-lock.json", "check-node.mjs" })
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), "stubs", "interop", file), Path.Combine(interop, file));
        }

        var (npm, npmOutput) = await ExternalCommand.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], interop);
        Assert.True(npm == 0, $"npm ci failed:\n{npmOutput}");

        var start = StubProgram.Redirected(Path.Combine(tools, "chatbench-stub"));
        foreach (var argument in new[] { "--port", "0", "--time-scale", "0.1", "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var stub = await StubProgram.StartAsync(start);
        var (checkedOut, nodeOutput) = await ExternalCommand.RunAsync("node", ["check-node.mjs", stub.Announcement.BaseUrl.ToString()], interop);
        StubProgram.Signal(stub.Process.Id, "TERM");
        await stub.ExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(checkedOut == 0, $"the Node SDK check failed against the installed tool:\n{nodeOutput}");
        Assert.Contains("node: stream ok", nodeOutput, StringComparison.Ordinal);
        Assert.Equal(0, stub.Process.ExitCode);
    }
}
