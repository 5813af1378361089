namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>The figures of an open-loop case (see <see cref="OpenLoopFigures"/>); other cases have none.</summary>
public static class OpenLoopMetrics
{
    public static IEnumerable<CaseMetric> All { get; } =
    [
        Of(OpenLoopResult.OfferedColumn, "Requests per second the schedule offered", "0.0", 0, (f, _) => f.Offered),
        Of(OpenLoopResult.AchievedColumn, "Successful requests per second, first scheduled send to last answer", "0.0", 1, (f, _) => f.Skipped ? null : f.Achieved),
        Of(OpenLoopResult.GoodputColumn, "Requests per second that met every SLO limit (vLLM's goodput), over the same span", "0.0", 2, (f, _) => f.Skipped ? null : f.Goodput),
        Of(OpenLoopResult.SloMetColumn, "Share of the scheduled requests that met every SLO limit (failures count as misses), in percent", "0.0", 3, (f, _) => f.Skipped ? null : f.SloShare * 100),
        Of("ITL p99 [ms]", "99th percentile of the inter-token latency", "0.0", 4, (_, l) => l?.Itl?.P99),
        Of("E2E p50 [ms]", "Median end-to-end latency, from the scheduled send to the last token", "0.0", 5, (_, l) => l?.E2E?.P50),
        Of("E2E p99 [ms]", "99th percentile of the end-to-end latency, from the scheduled send", "0.0", 6, (_, l) => l?.E2E?.P99),
        Of(OpenLoopResult.SendLagP99Column, "99th percentile of actual minus scheduled send: how well the generator kept its schedule", "0.000", 7, (f, _) => f.SendLag?.P99),
        Of("Stub queue p99 [ms]", "99th percentile of the queue wait the stub reported (its own truth, x-stub-queue-ms)", "0.0", 8, (f, _) => f.StubQueue?.P99),
        Of(OpenLoopResult.CapacityColumn, "The stub's theoretical capacity: slots / mean service time at a full batch, from its model", "0.0", 9, (f, _) => f.Capacity),
    ];

    private static CaseMetric Of(string name, string legend, string format, int priority, Func<OpenLoopFigures, CaseLatency?, double?> value) =>
        new(name, legend, format, 60 + priority, MetricAudience.AnyValue, c => c.OpenLoop is { } figures ? value(figures, c.Latency) : null);
}
