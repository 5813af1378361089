using System.Text.Json.Serialization;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// One measured request of a streaming case, failed ones included: what a latency profile is recorded from. Times in
/// milliseconds from the request's start; the latencies are absent for a failed request, whose end is when it failed.
/// </summary>
public sealed record RequestSample(
    string? Prompt,
    string Class,
    int? PromptTokens,
    RequestOutcome Outcome,
    double? TtftMs,
    double? ItlMs,
    [property: JsonPropertyName("e2eMs")] double E2EMs,
    int? OutputTokens);
