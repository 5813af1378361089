using System.Diagnostics;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>The benchmark program as a user runs it: its own process, from the repository root, a key set for live runs.</summary>
internal static class BenchProgram
{
    /// <summary>Runs the program to its end (at most four minutes): its exit code, its console (output then errors) and its wall time.</summary>
    public static async Task<(int ExitCode, string Console, TimeSpan Wall)> RunAsync(IEnumerable<string> arguments, string apiKey = "local-stub")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBench.Benchmarks.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Local stubs ask for no key unless told to; a live run needs one set.
        start.Environment[BenchOptions.ApiKeyVariable] = apiKey;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var cancellation = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var console = await output + await errors;
        return (process.ExitCode, console, clock.Elapsed);
    }
}
