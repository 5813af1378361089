namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// A server-side latency in milliseconds, from a histogram's increase: <paramref name="Count"/> observations, their
/// mean (exact, from the sum) and percentiles interpolated within buckets as Prometheus' <c>histogram_quantile</c>
/// does, so they are only as fine as the server's buckets.
/// </summary>
public sealed record ServerLatency(double Count, double P50, double P90, double P99, double Mean)
{
    /// <summary>The latency of a histogram in seconds, or null without observations.</summary>
    public static ServerLatency? Of(HistogramCounts? seconds) =>
        seconds is { Count: > 0 } h && h.Quantile(0.5) is { } p50 && h.Quantile(0.9) is { } p90 && h.Quantile(0.99) is { } p99
            ? new ServerLatency(h.Count, Ms(p50), Ms(p90), Ms(p99), Ms(h.Mean ?? 0))
            : null;

    private static double Ms(double seconds) => Math.Round(seconds * 1000, 3);
}
