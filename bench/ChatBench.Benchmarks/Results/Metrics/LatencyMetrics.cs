namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>
/// The streaming latency figures a summary shows; the full set is in <see cref="CaseLatency"/>, the -latency reports
/// and the JSON results.
/// </summary>
public static class LatencyMetrics
{
    public static IEnumerable<CaseMetric> All(bool stubTarget)
    {
        yield return Of("TTFT p50 [ms]", "Median time to first token: the first non-empty content chunk (role-only chunks do not count)", "0.0", 0, l => l.Ttft?.P50);
        yield return Of("TTFT p99 [ms]", "99th percentile of the time to first token", "0.0", 1, l => l.Ttft?.P99);
        yield return Of("ITL p50 [ms]", "Median inter-token latency, (E2E - TTFT) / (output tokens - 1) per request", "0.0", 2, l => l.Itl?.P50);
        yield return Of("Tokens/s", "Output tokens (from usage) per second over the measured batches, first start to last end", "0", 3, l => l.OutputTokensPerSecond);
        yield return Of("Errors", "Failed requests in the measured iterations, never part of the latency figures", "0", 4, l => l.Failed);
        if (stubTarget)
        {
            yield return Of("TTFT err p50 [ms]", "Median of measured minus configured TTFT: the harness's own measurement error against the stub's ground truth", "0.0", 5, l => l.TtftError?.P50);
        }
    }

    private static CaseMetric Of(string name, string legend, string format, int priority, Func<CaseLatency, double?> value) =>
        new(name, legend, format, 20 + priority, MetricAudience.Streaming, c => c.Latency is { } latency ? value(latency) : null);
}
