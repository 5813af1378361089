using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>The charts a section draws for its <see cref="ChartKind"/>.</summary>
public static class SectionCharts
{
    public static IReadOnlyList<IChart> For(ChartKind kind) => kind switch
    {
        ChartKind.Timeline => [new TimelineChart()],
        ChartKind.Scaling => [new ScalingChart()],
        ChartKind.BoundedScaling => [new BoundedConcurrencyChart()],
        ChartKind.LatencyPercentiles => [StreamingLatencyChart.TimeToFirstToken, StreamingLatencyChart.EndToEnd],
        ChartKind.OpenLoop => [new OpenLoopChart()],
        ChartKind.SendLag => [new SendLagChart()],
        ChartKind.RateLimits => [new RateLimitChart()],
        ChartKind.ClientStacks => [new ClientStackChart()],
        ChartKind.CostByBatch => [new CostByBatchChart()],
        ChartKind.TurnLatency => [new TurnLatencyChart()],
        ChartKind.ConcurrentUsers => [new ConcurrentUsersChart()],
        _ => [],
    };
}
