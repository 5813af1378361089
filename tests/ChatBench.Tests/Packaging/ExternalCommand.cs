using System.Diagnostics;

namespace ChatBench.Tests.Packaging;

/// <summary>A command a user would type (dotnet pack, dotnet tool install, npm ci, node), run to its end.</summary>
internal static class ExternalCommand
{
    // Set by the test run for its own test host; a dotnet or MSBuild started from here must not take them for its own.
    private static readonly string[] InheritedPrefixes = ["MSBUILD", "TESTINGPLATFORM", "VSTEST", "DOTNET_CLI_TEST"];

    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/>; its exit code and output (then errors).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        // A restore on a loaded two-core machine: the pack and the consumer's test took 15-60 s each.
        deadline.CancelAfter(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }
}
