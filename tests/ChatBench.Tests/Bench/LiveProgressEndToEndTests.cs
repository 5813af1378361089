using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Progress;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Tests.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A live run through the real program and BenchmarkDotNet's benchmark processes, against a local stub that holds each
/// request 5 s and refuses a second one in flight with 429: the run prints its progress while it goes, never more often
/// than every 10 s, and a last line whose counts are the stub's.
/// </summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed partial class LiveProgressEndToEndTests
{
    [Fact]
    public async Task A_live_run_prints_requests_finished_of_the_plan_and_failures_by_kind_while_it_runs_and_at_its_end()
    {
        // The seed scenario sends its two questions at once: the first is held 5 s, the second refused at once. Four
        // batches (a warm-up and three measured) finish over 15 s, so a line at least 10 s apart falls between them.
        using var stub = ChatCompletionsStub.Start(new StubOptions
        {
            Faults = new StubFaults { MaxConcurrency = 1, StallBeforeFirstByte = TimeSpan.FromSeconds(5) },
            Profile = BenchTarget.StubProfile(0.05, 1),
        });
        var results = Directory.CreateTempSubdirectory("chatbench-live-progress-").FullName;
        try
        {
            var (exitCode, console, wall) = await BenchProgram.RunAsync(
                ["--target", "live", "--base-url", stub.BaseUri.ToString(), "--quick", "--filter", "*SeedScenarioBenchmarks.Concurrent*", "--max-requests", "100", "--max-error-rate", "0.5", "--results", results]);

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{console}");
            Assert.Contains("Plan: 1 benchmark cases, 8 requests", console, StringComparison.Ordinal);
            var lines = console.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

            // The last line counts what the stub saw: every planned request, and one 429 a batch (the preflight was alone).
            Assert.Equal(4, stub.Statistics.RateLimited);
            var done = Assert.Single(lines, l => l.StartsWith("// Live run done in ", StringComparison.Ordinal));
            Assert.EndsWith(": 8 of 8 planned requests finished, 4 failed (4 x http 429)", done, StringComparison.Ordinal);

            var during = lines.Select(l => ProgressPattern().Match(l)).Where(m => m.Success).ToList();
            Assert.True(during.Count > 0, $"no progress line while the run went on:\n{console}");
            var finished = during.Select(m => int.Parse(m.Groups["finished"].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.All(during, m => Assert.Equal("8", m.Groups["planned"].Value));
            Assert.Equal(finished.Order(), finished);
            Assert.Contains(finished, n => n is > 0 and < 8);
            Assert.All(during, m => Assert.Matches(@"^(none failed|\d+ failed \(\d+ x http 429\))$", m.Groups["failed"].Value));

            // Never more often than every 10 s: n lines need n intervals after the run began, within the program's time.
            Assert.True(
                during.Count <= wall / ProgressReporter.Interval,
                $"{during.Count} progress lines in {wall.TotalSeconds:0} s:\n{string.Join('\n', during.Select(m => m.Value))}");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [GeneratedRegex(@"^// Live progress, \S+ in: (?<finished>\d+) of (?<planned>\d+) planned requests finished, (?<failed>.+)$")]
    private static partial Regex ProgressPattern();
}
