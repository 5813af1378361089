namespace ChatBench.Benchmarks.Calls;

/// <summary>What <see cref="AnswerRule"/> needs to know of an answer, whichever client brought it.</summary>
/// <param name="HasContent">The answer has non-empty text (a stream: at least one content chunk).</param>
/// <param name="OutputTokens">The output tokens of the answer's <c>usage</c>; null when it had none.</param>
/// <param name="FinishReason">As the API spells it: <c>stop</c>, <c>length</c>, <c>content_filter</c>...</param>
/// <param name="MaxTokensSet">The request capped the answer's tokens, so <c>length</c> is an expected end.</param>
public readonly record struct AnswerFacts(bool HasContent, int? OutputTokens, string? FinishReason, bool MaxTokensSet);
