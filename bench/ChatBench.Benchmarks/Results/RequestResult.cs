using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Results;

/// <summary>One request of a median iteration: milliseconds since its batch started.</summary>
public sealed record RequestResult(int Index, string PromptClass, double StartMs, double? FirstTokenMs, double EndMs, int? OutputTokens, RequestOutcome Outcome);
