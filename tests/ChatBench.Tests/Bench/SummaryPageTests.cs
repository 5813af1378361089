using ChatBench.Benchmarks.Reports.Charts;

namespace ChatBench.Tests.Bench;

public sealed class SummaryPageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] AllCharts =
        ["seed-timeline.png", "batch-wall-time.png", "bounded-concurrency.png", "streaming-ttft.png", "streaming-e2e.png"];

    [Fact]
    public void A_complete_results_folder_gets_every_chart_as_a_real_png_referenced_by_the_summary()
    {
        using var results = new ResultsFixture().WithEverything();

        var outcome = SummaryPage.Write(results.Directory);

        Assert.Empty(outcome.Missing);
        Assert.Equal(AllCharts.Length, outcome.Charts.Count);
        var page = File.ReadAllText(outcome.Page);
        foreach (var chart in AllCharts)
        {
            var path = Path.Combine(results.Directory, "charts", chart);
            AssertPng(path);
            Assert.Contains($"](charts/{chart})", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("no data", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_has_the_speedup_and_efficiency_tables_and_the_run_caption()
    {
        using var results = new ResultsFixture().WithEverything();

        var page = File.ReadAllText(SummaryPage.Write(results.Directory).Page);

        Assert.Contains("embedded stub (time scale 0.1, seed 1), model gpt-4o · 2026-11-25 04:30 UTC · full run, commit 7f4182f00000", page, StringComparison.Ordinal);
        Assert.Contains("| Concurrent | 217.5 | 211.0 | 1.25x | 0.97 |", page, StringComparison.Ordinal);
        Assert.Contains("| WhenAll | 1000 | 1310.4 | 220.0 | - | 0.17 |", page, StringComparison.Ordinal);
        Assert.Contains("| Concurrent, Concurrency=100 | 51.7 | 63.5 | 80.1 | 190.4 | 231.9 | 260.0 |", page, StringComparison.Ordinal);
        Assert.Contains("### RateLimitBenchmarks", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_results_folder_gives_a_summary_that_says_no_data_for_every_chart_and_draws_nothing()
    {
        using var results = new ResultsFixture();

        var outcome = SummaryPage.Write(results.Directory);

        Assert.Empty(outcome.Charts);
        Assert.Equal(AllCharts.Length, outcome.Missing.Count);
        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("no run.json", page, StringComparison.Ordinal);
        Assert.Contains("No SeedScenarioBenchmarks report in this folder", page, StringComparison.Ordinal);
        Assert.Equal(AllCharts.Length, CountOf(page, "no data:"));
        Assert.DoesNotContain("](charts/", page, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(results.Directory, "charts")) && Directory.EnumerateFiles(Path.Combine(results.Directory, "charts")).Any());
    }

    [Fact]
    public void A_failed_run_is_announced_and_its_all_NA_report_draws_no_chart()
    {
        using var results = new ResultsFixture();
        results.WriteRun(failedCases: 3);
        results.Write(
            "ChatBench.Benchmarks.Scenarios.BoundedConcurrencyBenchmarks-report.csv",
            "Method,Job,MaxInFlight,Mean [ms],Ratio,Ideal [ms],Efficiency\nSemaphore,Macro,1,NA,?,-,-\nSemaphore,Macro,4,NA,?,-,-\n");

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("**This run failed:** 3 of 20 benchmark cases failed", page, StringComparison.Ordinal);
        Assert.Contains("| Semaphore | 1 | NA (failed) |", page, StringComparison.Ordinal);
        Assert.Contains("no measured case in ChatBench.Benchmarks.Scenarios.BoundedConcurrencyBenchmarks-report.csv", page, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Charts, c => c.EndsWith("bounded-concurrency.png", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_csv_is_named_on_the_page_with_its_fault_and_the_other_charts_still_render()
    {
        using var results = new ResultsFixture().WithEverything();
        results.Write("ChatBench.Benchmarks.Scenarios.BatchBenchmarks-report.csv", "Method,BatchSize,Mean [ms]\nSequential,1\n");

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("Could not read ChatBench.Benchmarks.Scenarios.BatchBenchmarks-report.csv: ChatBench.Benchmarks.Scenarios.BatchBenchmarks-report.csv line 2 has 2 fields where the header has 3.", page, StringComparison.Ordinal);
        Assert.Contains(outcome.Missing, m => m.StartsWith("batch-wall-time.png: could not read its input", StringComparison.Ordinal));
        Assert.Equal(AllCharts.Length - 1, outcome.Charts.Count);
    }

    [Fact]
    public void A_chart_whose_data_disappeared_leaves_no_stale_image_behind()
    {
        using var results = new ResultsFixture().WithEverything();
        SummaryPage.Write(results.Directory);
        var timeline = Path.Combine(results.Directory, "charts", "seed-timeline.png");
        Assert.True(File.Exists(timeline));
        File.Delete(results.PathOf("ChatBench.Benchmarks.Scenarios.SeedScenarioBenchmarks-arrivals.csv"));

        var outcome = SummaryPage.Write(results.Directory);

        Assert.False(File.Exists(timeline));
        Assert.Contains(outcome.Missing, m => m.StartsWith("seed-timeline.png: no per-request arrivals", StringComparison.Ordinal));
    }

    [Fact]
    public void Streaming_charts_fall_back_to_the_per_request_files_when_there_is_no_latency_summary()
    {
        using var results = new ResultsFixture();
        var rows = string.Concat(Enumerable.Range(0, 20).Select(i => $"Concurrent,10,{i},{40 + i},{150 + i},ok\n"));
        results.Write(
            "ChatBench.Benchmarks.Scenarios.StreamingBenchmarks-requests.csv",
            "method,concurrency,index,ttft_ms,e2e_ms,outcome\n" + rows + "Concurrent,10,20,9999,9999,http 429\n");

        var outcome = SummaryPage.Write(results.Directory);

        AssertPng(Path.Combine(results.Directory, "charts", "streaming-ttft.png"));
        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("| Concurrent, Concurrency=10 | 49.5 | 57.1 | 58.8 | 159.5 | 167.1 | 168.8 |", page, StringComparison.Ordinal);
    }

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes.Take(PngSignature.Length).ToArray());

        // A 1100 x 620 chart with axes, text and data compresses to tens of kilobytes; an empty canvas to a few.
        Assert.InRange(bytes.Length, 15_000, 2_000_000);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
