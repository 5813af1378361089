using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

public sealed class SummaryPageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] AllCharts =
        ["SeedScenarioBenchmarks-timeline.png", "BatchBenchmarks-scaling.png", "BoundedConcurrencyBenchmarks-bounded.png", "StreamingBenchmarks-ttft.png", "StreamingBenchmarks-e2e.png"];

    [Fact]
    public void Complete_results_get_every_chart_as_a_real_png_referenced_by_the_summary()
    {
        using var results = new ResultsFixture().WithEverything();

        var outcome = SummaryPage.Write(results.Directory);

        Assert.Empty(outcome.Missing);
        Assert.Equal(AllCharts.Length, outcome.Charts.Count);
        var page = File.ReadAllText(outcome.Page);
        foreach (var chart in AllCharts)
        {
            AssertPng(Path.Combine(results.Directory, "charts", chart));
            Assert.Contains($"](charts/{chart})", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_summary_has_tables_from_the_declared_baseline_and_the_run_caption()
    {
        using var results = new ResultsFixture().WithEverything();

        var page = File.ReadAllText(SummaryPage.Write(results.Directory).Page);

        Assert.Contains("embedded stub (time scale 0.1, seed 1), model gpt-4o · 2026-11-25 04:30 UTC · 3 measured iterations, commit 7f4182f00000", page, StringComparison.Ordinal);
        Assert.Contains("| Concurrent | 217.5 | 211.0 | 1.25x | 0.97 |", page, StringComparison.Ordinal);
        Assert.Contains("| WhenAll | 1000 | 1310.4 | 220.0 | 1.00x | 0.17 |", page, StringComparison.Ordinal);
        Assert.Contains("| Streams (Concurrency=100) | 51.7 | 56.7 | 61.7 | 180.0 | 215.0 | 221.0 | 0 |", page, StringComparison.Ordinal);
        Assert.Contains("## Other benchmarks", page, StringComparison.Ordinal);
        Assert.Contains("### RateLimitBenchmarks", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("## Two questions", StringComparison.Ordinal) < page.IndexOf("## Batches", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_are_computed_from_the_data_and_say_so_when_the_short_answer_did_not_come_first()
    {
        using var results = new ResultsFixture().WithEverything();
        var page = File.ReadAllText(SummaryPage.Write(results.Directory).Page);
        Assert.Contains("**Concurrent**: the first answer was `two-plus-two` (sent second) in 3 of 3 measured iterations.", page, StringComparison.Ordinal);
        Assert.Contains("BatchBenchmarks at BatchSize = 100: fastest was WhenAll (250.0 ms, 57.68x the speed of Sequential", page, StringComparison.Ordinal);
        Assert.Contains("Streams: TTFT p50 went from 45.1 ms at Concurrency = 1 to 51.7 ms at 100", page, StringComparison.Ordinal);

        var slow = ResultsFixture.Case("Concurrent", 217.5, 211.0, baseline: false) with
        {
            MedianIteration = [ResultsFixture.Answered(0, "hockey-players", 0.1, 215, 147), ResultsFixture.Answered(1, "two-plus-two", 0.5, 230, 6)],
            Iterations = [new IterationResult { Requests = 2, Failed = 0, SpanMs = 230, FirstAnswered = 0 }, new IterationResult { Requests = 2, Failed = 0, SpanMs = 230, FirstAnswered = 1 }],
        };
        results.Write("SeedScenarioBenchmarks", new SummaryPlacement(1, "Two questions", "Long and short.", ChartKind.Timeline, null), [slow]);

        page = File.ReadAllText(SummaryPage.Write(results.Directory).Page);
        Assert.Contains("the first answer was `hockey-players` (sent first) in 1, `two-plus-two` (sent second) in 1 of 2 measured iterations", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_results_folder_gives_a_summary_that_says_there_are_no_results_and_draws_nothing()
    {
        using var results = new ResultsFixture();

        var outcome = SummaryPage.Write(results.Directory);

        Assert.Empty(outcome.Charts);
        Assert.Contains("there are no results in this folder", File.ReadAllText(outcome.Page), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_cases_are_announced_and_an_all_failed_section_draws_no_chart()
    {
        using var results = new ResultsFixture();
        results.Write(
            "BoundedConcurrencyBenchmarks",
            new SummaryPlacement(4, "Bounded", "By k.", ChartKind.BoundedScaling, "MaxInFlight"),
            [ResultsFixture.Case("SemaphoreSlim", null, null, baseline: false, ("MaxInFlight", 10)), ResultsFixture.Case("SemaphoreSlim", null, null, baseline: false, ("MaxInFlight", 100))]);

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("**2 of 2 benchmark cases failed:**", page, StringComparison.Ordinal);
        Assert.Contains("| SemaphoreSlim | 10 | NA (failed) |", page, StringComparison.Ordinal);
        Assert.Contains("no measured case with a numeric MaxInFlight", page, StringComparison.Ordinal);
        Assert.Empty(outcome.Charts);
    }

    [Fact]
    public void Classes_from_different_runs_are_listed_under_their_own_run()
    {
        using var results = new ResultsFixture().WithEverything();
        var other = ResultsFixture.Run with { Target = "live", BaseUrl = "https://api.example/v1", TimeScale = null, Seed = null };
        ResultsJson.Write(
            new ResultsFile
            {
                SchemaVersion = ResultsFile.CurrentSchemaVersion,
                Run = other,
                Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios.RateLimitBenchmarks", Name = "RateLimitBenchmarks" },
                Cases = [ResultsFixture.Case("WithRetries", 300, null, baseline: true)],
            },
            results.Directory);

        var page = File.ReadAllText(SummaryPage.Write(results.Directory).Page);

        Assert.Contains("come from 2 runs", page, StringComparison.Ordinal);
        Assert.Contains("- live https://api.example/v1, model gpt-4o · 2026-11-25 04:30 UTC · 3 measured iterations, commit 7f4182f00000: RateLimitBenchmarks", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_whose_data_disappeared_leaves_no_stale_image_behind()
    {
        using var results = new ResultsFixture().WithEverything();
        SummaryPage.Write(results.Directory);
        var timeline = Path.Combine(results.Directory, "charts", "SeedScenarioBenchmarks-timeline.png");
        Assert.True(File.Exists(timeline));
        results.Write("SeedScenarioBenchmarks", new SummaryPlacement(1, "Two questions", "Long and short.", ChartKind.Timeline, null), [ResultsFixture.Case("Concurrent", null, null, baseline: false)]);

        var outcome = SummaryPage.Write(results.Directory);

        Assert.False(File.Exists(timeline));
        Assert.Contains(outcome.Missing, m => m.StartsWith("SeedScenarioBenchmarks-timeline.png: no per-request arrivals", StringComparison.Ordinal));
    }

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes.Take(PngSignature.Length).ToArray());

        // A 1100 x 620 chart with axes, text and data compresses to tens of kilobytes; an empty canvas to a few.
        Assert.InRange(bytes.Length, 15_000, 2_000_000);
    }
}
