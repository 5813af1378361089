namespace ChatBench.Benchmarks.Results;

/// <summary>Every successful request's latencies in milliseconds (TTFT and ITL only when streaming), in the order recorded.</summary>
public sealed record LatencySamples(IReadOnlyList<double> TtftMs, IReadOnlyList<double> ItlMs, IReadOnlyList<double> E2EMs);
