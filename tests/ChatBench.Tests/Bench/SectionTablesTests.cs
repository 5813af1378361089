using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

/// <summary>The summary page shows each section the figures its question needs, computed from the results.</summary>
public sealed class SectionTablesTests
{
    private static readonly SummaryPlacement OpenLoop = SectionResults.Placement(8, "Open loop", TableKind.OpenLoop, ChartKind.OpenLoop);
    private static readonly SummaryPlacement Generator = SectionResults.Placement(10, "Generator", TableKind.SendLag, ChartKind.SendLag);

    [Fact]
    public void An_open_loop_section_shows_each_offered_rate_with_its_goodput_slo_share_latency_send_lag_and_failures_not_iteration_means()
    {
        using var results = new ResultsFixture();
        results.Write("OpenLoopBenchmarks", OpenLoop, [SectionResults.OpenLoopStep(84.9, 77.2, 77.2, 100, 48.6, 4.25), SectionResults.OpenLoopStep(236.7, 185.8, 185.4, 99.8, 80.4, 9.73, failed: 2)]);

        var page = Page(results);

        Assert.Contains("| Offered (req/s) | Achieved (req/s) | Goodput (req/s) | Within SLO (%) | TTFT p50 (ms) | TTFT p99 (ms) | E2E p99 (ms) | Send lag p99 (ms) | Requests | Failed |", page, StringComparison.Ordinal);
        Assert.Contains("| 84.9 | 77.2 | 77.2 | 100.0 | 48.6 | 58.6 | 258.6 | 4.25 | 100 | 0 |", page, StringComparison.Ordinal);
        Assert.Contains("| 236.7 | 185.8 | 185.4 | 99.8 | 80.4 | 90.4 | 290.4 | 9.73 | 100 | 2 x Timeout |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Mean (ms)", page, StringComparison.Ordinal);

        results.Write("OpenLoopBenchmarks", OpenLoop, [SectionResults.OpenLoopStep(84.9, 77.2, 40.1, 52.0, 48.6, 4.25)]);
        Assert.Contains("| 84.9 | 77.2 | 40.1 | 52.0 |", Page(results), StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_section_shows_send_lag_percentiles_per_rate_and_the_highest_rate_held_within_a_millisecond()
    {
        using var results = new ResultsFixture();
        results.Write("OpenLoopGeneratorBenchmarks", Generator, [SectionResults.GeneratorRate(250, 0.1, 0.2, 0.3, 0.9), SectionResults.GeneratorRate(500, 0.2, 0.4, 0.6, 0.8), SectionResults.GeneratorRate(1000, 0.5, 1.5, 2.5, 3.5)]);

        var page = Page(results);

        Assert.Contains("| Offered (req/s) | Requests | Send lag p50 (ms) | Send lag p99 (ms) | Send lag max (ms) |", page, StringComparison.Ordinal);
        Assert.Contains("| 250 | 4 | 0.25 | 0.88 | 0.90 |", page, StringComparison.Ordinal);
        Assert.Contains("The schedule held within 1 ms at the 99th percentile up to 500 req/s (p99 0.79 ms); at 1000 req/s its p99 was 3.47 ms.", page, StringComparison.Ordinal);
        Assert.Contains("](charts/OpenLoopGeneratorBenchmarks-send-lag.png)", page, StringComparison.Ordinal);

        results.Write("OpenLoopGeneratorBenchmarks", Generator, [SectionResults.GeneratorRate(250, 2, 3, 4, 5), SectionResults.GeneratorRate(500, 6, 7)]);
        Assert.Contains("No rate measured kept the send lag within 1 ms at the 99th percentile: already at the lowest, 250 req/s, its p99 was 4.97 ms", Page(results), StringComparison.Ordinal);

        results.Write("OpenLoopGeneratorBenchmarks", Generator, [SectionResults.GeneratorRate(250, 0.1), SectionResults.GeneratorRate(2000, 0.4)]);
        Assert.Contains("The schedule held within 1 ms at the 99th percentile at every rate measured, up to 2000 req/s", Page(results), StringComparison.Ordinal);
    }

    [Fact]
    public void The_calibration_section_shows_the_harness_error_against_the_stub_plan()
    {
        using var results = new ResultsFixture();
        var calibration = SectionResults.Placement(6, "Calibration", TableKind.Calibration);
        results.Write("StreamingCalibrationBenchmarks", calibration, [SectionResults.Calibrated(2.88, 19.01, -0.004, 2.401)]);

        var page = Page(results);

        Assert.Contains("| Case | Requests | TTFT p50 (ms) | TTFT error p50 (ms) | TTFT error p99 (ms) | TTFT error max (ms) | ITL error p50 (ms) | ITL error p99 (ms) | Failed |", page, StringComparison.Ordinal);
        Assert.Contains("| Streams100RealTime | 300 | 458.0 | 2.88 | 19.01 | 22.01 | -0.004 | 2.401 | 0 |", page, StringComparison.Ordinal);

        results.Write("StreamingCalibrationBenchmarks", calibration, [SectionResults.Calibrated(7.5, 40, 0.2, 3)]);
        Assert.Contains("| Streams100RealTime | 300 | 458.0 | 7.50 | 40.00 |", Page(results), StringComparison.Ordinal);
    }

    [Fact]
    public void The_measurement_floor_shows_each_part_in_microseconds_per_case()
    {
        using var results = new ResultsFixture();
        var floor = SectionResults.Placement(10, "Floor", TableKind.Overhead);
        results.Write("OverheadBenchmarks", floor,
        [
            SectionResults.WithColumns(ResultsFixture.Case("SdkCompletion", 512, 489, baseline: true), ("Overhead p50 [us]", 1855.05), ("Build p50 [us]", 215.5), ("Record p50 [us]", 15.8)),
            SectionResults.WithColumns(ResultsFixture.Case("SdkStream", 507, 489, baseline: false), ("Overhead p50 [us]", 1302.8), ("TTFT client err p50 [us]", 1409.6), ("Record p50 [us]", 15.8)),
        ]);

        var page = Page(results);

        Assert.Contains("| Part (µs, median per request) | SdkCompletion | SdkStream |", page, StringComparison.Ordinal);
        Assert.Contains("| **Overhead** (measured minus planned) | 1855 | 1303 |", page, StringComparison.Ordinal);
        Assert.Contains("| Build | 216 | - |", page, StringComparison.Ordinal);
        Assert.Contains("| TTFT client err | - | 1410 |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("| Wire in |", page, StringComparison.Ordinal);
    }

    private static string Page(ResultsFixture results) => File.ReadAllText(SummaryPage.Write(results.Directory).Page);
}
