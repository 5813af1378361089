using System.Diagnostics;
using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Tests.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A live run end to end, through the real program and the real BenchmarkDotNet pipeline (child processes included),
/// against a local stub that requires a canary key: it must work, and the key must appear nowhere.
/// </summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
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
            var cancellation = TestContext.Current.CancellationToken;
            var (exitCode, console, _) = await BenchProgram.RunAsync(
                ["--target", "live", "--base-url", stub.BaseUri.ToString(), "--quick", "--filter", "*SeedScenarioBenchmarks.Concurrent*", "--max-requests", "100", "--results", results],
                CanaryKey);

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{console}");
            Assert.Contains("Plan: 1 benchmark cases, 8 requests", console, StringComparison.Ordinal);
            var report = Directory.GetFiles(results, "*SeedScenarioBenchmarks-report-github.md").Single();
            Assert.Contains("| Concurrent", await File.ReadAllTextAsync(report, cancellation), StringComparison.Ordinal);

            // Preflight (1) plus warm-up and three measured iterations of two requests each.
            Assert.Equal(9, await SettledCount.SucceededAsync(stub.Statistics, 9));
            Assert.Equal(0, stub.Statistics.Unauthorized);

            var json = ResultsJson.ReadFolder(results).Single();
            Assert.Equal(("live", "SeedScenarioBenchmarks"), (json.Run.Target, json.Benchmark.Name));
            var concurrent = Assert.Single(json.Cases);
            Assert.Equal(3, concurrent.IterationsMs.Count);
            Assert.Equal(6, concurrent.Samples!.E2EMs.Count);
            AssertReportOnlyRegeneratesTheSummary(results);

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

    /// <summary>A copy of the results without any CSV or markdown gets the same summary page and charts from its JSON.</summary>
    private static void AssertReportOnlyRegeneratesTheSummary(string results)
    {
        var copy = Directory.CreateTempSubdirectory("chatbench-report-only-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(results).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            using var output = new StringWriter();
            using var errors = new StringWriter();
            Assert.Equal(ExitCodes.Ok, BenchRunner.Run(["--report-only", "--results", copy], output, errors));
            Assert.Equal(File.ReadAllText(Path.Combine(results, "SUMMARY.md")), File.ReadAllText(Path.Combine(copy, "SUMMARY.md")));
            var charts = Directory.GetFiles(Path.Combine(results, "charts")).Select(Path.GetFileName).Order().ToList();
            Assert.NotEmpty(charts);
            Assert.Equal(charts, Directory.GetFiles(Path.Combine(copy, "charts")).Select(Path.GetFileName).Order().ToList());
            foreach (var chart in charts)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(results, "charts", chart!)), File.ReadAllBytes(Path.Combine(copy, "charts", chart!)));
            }
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
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
