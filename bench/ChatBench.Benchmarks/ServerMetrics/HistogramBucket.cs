namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>A histogram bucket as Prometheus exposes it: observations at most <paramref name="UpperBound"/>, cumulative.</summary>
public sealed record HistogramBucket(double UpperBound, double Count);
