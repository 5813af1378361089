using System.Diagnostics;
using ChatBench.Benchmarks.Configuration;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A live run end to end, through the real program and the real BenchmarkDotNet pipeline (child processes included),
/// against a local stub that requires a canary key: it must work, and the key must appear nowhere.
/// </summary>
public sealed class LiveRunTests
{
    private const string CanaryKey = "sk-canary-7f3a9c1e5b2d";

    [Fact]
    public async Task A_live_run_against_a_key_protected_endpoint_works_and_leaks_the_key_nowhere()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions
        {
            Faults = new StubFaults { ApiKey = CanaryKey },
            Profile = ChatBench.Benchmarks.Targets.BenchTarget.StubProfile(0.05, 1),
        });
        var results = Directory.CreateTempSubdirectory("chatbench-live-results-").FullName;
        var root = RepositoryRoot();
        var logsBefore = LogFiles(root).ToHashSet();
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBench.Benchmarks.dll"));
            foreach (var argument in (string[])["--target", "live", "--base-url", stub.BaseUri.ToString(), "--quick", "--filter", "*SeedScenarioBenchmarks.Concurrent*", "--max-requests", "100", "--results", results])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment[BenchOptions.ApiKeyVariable] = CanaryKey;
            using var process = Process.Start(start)!;
            var cancellation = TestContext.Current.CancellationToken;
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var errors = process.StandardError.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            await process.WaitForExitAsync(timeout.Token);
            var console = await output + await errors;

            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{console}");
            Assert.Contains("Plan: 1 benchmark cases, 8 requests", console, StringComparison.Ordinal);
            var report = Directory.GetFiles(results, "*SeedScenarioBenchmarks-report-github.md").Single();
            Assert.Contains("| Concurrent", await File.ReadAllTextAsync(report, cancellation), StringComparison.Ordinal);

            // Preflight (1) plus warm-up and three measured iterations of two requests each.
            Assert.Equal(9, stub.Statistics.Succeeded);
            Assert.Equal(0, stub.Statistics.Unauthorized);

            Assert.DoesNotContain(CanaryKey, console, StringComparison.Ordinal);
            var written = Directory.GetFiles(results, "*", SearchOption.AllDirectories).Concat(LogFiles(root).Except(logsBefore)).ToList();
            Assert.NotEmpty(written);
            foreach (var file in written)
            {
                Assert.DoesNotContain(CanaryKey, await File.ReadAllTextAsync(file, cancellation), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    private static IEnumerable<string> LogFiles(string root)
    {
        var artifacts = Path.Combine(root, "BenchmarkDotNet.Artifacts");
        return Directory.Exists(artifacts)
            ? Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))
            : [];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
