using System.Text.Json.Serialization;

namespace ChatBench.Benchmarks.Results;

/// <summary>Every successful request's latencies in milliseconds (TTFT and ITL only when streaming), in the order recorded.</summary>
public sealed record LatencySamples(IReadOnlyList<double> TtftMs, IReadOnlyList<double> ItlMs, [property: JsonPropertyName("e2eMs")] IReadOnlyList<double> E2EMs);
