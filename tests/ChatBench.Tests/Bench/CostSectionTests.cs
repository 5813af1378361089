using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Tests.Bench;

/// <summary>
/// The retry-policy and client-stack sections show their costs as tables and charts, a chart without data says so, and
/// results written before sections declared their table still get the tables and charts their class declares now.
/// </summary>
public sealed class CostSectionTests
{
    private static readonly SummaryPlacement RateLimits = SectionResults.Placement(7, "Rate limits", TableKind.RateLimits, ChartKind.RateLimits);
    private static readonly SummaryPlacement ClientStacks = SectionResults.Placement(8, "Client stacks", TableKind.ClientStacks, ChartKind.ClientStacks);
    private static readonly SummaryPlacement CostByBatch = SectionResults.Placement(12, "Cost by batch size", TableKind.CostByBatch, ChartKind.CostByBatch) with { XParameter = "Requests" };

    [Fact]
    public void The_rate_limit_section_shows_attempts_429s_and_lost_requests_per_policy_and_draws_them()
    {
        using var results = new ResultsFixture();
        results.Write("RateLimitBenchmarks", RateLimits, [SectionResults.Policy("UnboundedSdkRetries", 3247.7, 112, 80, 8), SectionResults.Policy("BoundedToCapacity", 622.9, 40, 0, 0)]);

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("| Policy | Requests | Wall time (ms) | Ideal (ms) | Efficiency | Attempts | 429s | Failed |", page, StringComparison.Ordinal);
        Assert.Contains("| UnboundedSdkRetries | 40 | 3247.7 | 612.0 | 0.19 | 112 | 80 | 8 |", page, StringComparison.Ordinal);
        Assert.Contains("| BoundedToCapacity | 40 | 622.9 | 612.0 | 0.98 | 40 | 0 | 0 |", page, StringComparison.Ordinal);
        Assert.Contains(outcome.Charts, c => c.EndsWith("RateLimitBenchmarks-policies.png", StringComparison.Ordinal));

        results.Write("RateLimitBenchmarks", RateLimits, [SectionResults.Policy("UnboundedSdkRetries", 3247.7, 130.5, 90.3, 0)]);
        Assert.Contains("| UnboundedSdkRetries | 40 | 3247.7 | 612.0 | 0.19 | 130.5 | 90.3 | 0 |", File.ReadAllText(SummaryPage.Write(results.Directory).Page), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_stack_section_shows_cpu_allocation_and_threads_per_request_and_draws_them()
    {
        using var results = new ResultsFixture();
        results.Write("ClientStackBenchmarks", ClientStacks, [SectionResults.Stack("RawHttpClient", 1000, 294.6, 291.3, 4.14, 5), SectionResults.Stack("SdkSharedClient", 1000, 405.9, 508.4, 25.06, 7)]);

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("| Stack | Requests | CPU/req (µs) | Alloc/req (KB) | Pool threads (peak) | Pool queue (peak) | Mean (ms) | Efficiency | Speed-up |", page, StringComparison.Ordinal);
        Assert.Contains("| SdkSharedClient | 1000 | 508 | 25.1 | 7 | 1 | 405.9 | 0.59 | 0.73x |", page, StringComparison.Ordinal);
        Assert.Contains(outcome.Charts, c => c.EndsWith("ClientStackBenchmarks-stacks.png", StringComparison.Ordinal));

        results.Write("ClientStackBenchmarks", ClientStacks, [SectionResults.Stack("RawHttpClient", 1000, 294.6, 291.3, 4.14, 5), SectionResults.Stack("SdkSharedClient", 1000, 405.9, 820, 31.5, 12)]);
        Assert.Contains("| SdkSharedClient | 1000 | 820 | 31.5 | 12 | 1 |", File.ReadAllText(SummaryPage.Write(results.Directory).Page), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cost_by_batch_section_shows_each_stacks_costs_per_request_by_size_and_draws_them()
    {
        using var results = new ResultsFixture();
        results.Write("BatchCostBenchmarks", CostByBatch, [Sized("RawHttpClient", 100, 250, 1200), Sized("RawHttpClient", 10_000, 1500, 150), Sized("SdkAsItComes", 100, 252, 1300)]);

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Contains("| Stack | Requests | Mean (ms) | Ideal (ms) | Efficiency | CPU/req (µs) | Alloc/req (KB) | GC pause/req (µs) | GCs/batch | Gen1+ GCs/batch | JIT methods/batch | Working set (MB) | Pool threads (peak) |", page, StringComparison.Ordinal);
        Assert.Contains("| RawHttpClient | 100 | 250.0 | 241.0 | 0.96 | 1200 | 4.1 | 2.5 | 3 | 1 | 4 | 180 | 6 |", page, StringComparison.Ordinal);
        Assert.Contains("| RawHttpClient | 10000 | 1500.0 | 241.0 | 0.16 | 150 | 4.1 | 2.5 | 3 | 1 | 4 | 180 | 6 |", page, StringComparison.Ordinal);
        Assert.Contains(outcome.Charts, c => c.EndsWith("BatchCostBenchmarks-cost.png", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cost_chart_without_its_data_says_why_instead_of_drawing()
    {
        using var results = new ResultsFixture();
        results.Write("ClientStackBenchmarks", ClientStacks, [ResultsFixture.Case("RawHttpClient", null, null, baseline: true, ("Requests", 100))]);
        results.Write("RateLimitBenchmarks", RateLimits, [ResultsFixture.Case("UnboundedSdkRetries", null, null, baseline: true)]);

        var outcome = SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(outcome.Page);
        Assert.Empty(outcome.Charts);
        Assert.Contains("no chart: no case with a measured CPU per request", page, StringComparison.Ordinal);
        Assert.Contains("no chart: no measured policy", page, StringComparison.Ordinal);
        Assert.Contains("| UnboundedSdkRetries | - | NA (failed) |", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ratelimit-without-table-kind.json", "RateLimitBenchmarks", "| UnboundedSdkRetries | 40 | 3247.7 | 612.0 | 0.19 | 112 | 80 | 8 |")]
    [InlineData("overhead-without-table-kind.json", "OverheadBenchmarks", "| **Overhead** (measured minus planned) | 1855 | 1310 | 1303 |")]
    public void Results_written_before_sections_declared_their_table_show_the_table_their_class_declares_now(string file, string name, string row)
    {
        using var results = new ResultsFixture();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Results", file), results.PathOf($"ChatBench.Benchmarks.Scenarios.{name}{ResultsFile.Suffix}"));

        var page = File.ReadAllText(SummaryPage.Write(results.Directory).Page);

        Assert.Contains(row, page, StringComparison.Ordinal);
        Assert.DoesNotContain("| Speed-up |", page, StringComparison.Ordinal);
    }

    private static CaseResult Sized(string method, int requests, double mean, double cpuUs) =>
        SectionResults.WithColumns(
            ResultsFixture.Case(method, mean, 241, baseline: method == "RawHttpClient", ("Requests", requests)),
            (BatchMetrics.ClientCpu, cpuUs),
            (BatchMetrics.Allocated, 4.1),
            (BatchMetrics.GcPause, 2.5),
            (BatchMetrics.Collections, 3),
            (BatchMetrics.Gen1Collections, 1),
            (BatchMetrics.Jit, 4),
            (BatchMetrics.WorkingSet, 180),
            (BatchMetrics.PoolThreads, 6));
}
