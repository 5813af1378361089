using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The one check every client path makes of an answer that arrived, streamed or not (the SDK, its blocking call, the raw
/// HttpClient, Microsoft.Extensions.AI): an answer without text, without usage or cut short is a failed request whose
/// reason is the record's outcome, never a fast success.
/// </summary>
public static class AnswerRule
{
    public const string EmptyAnswer = "empty answer";
    public const string NoUsage = "no usage";
    public const string NoFinishReason = "no finish_reason";

    /// <param name="hasContent">The answer has non-empty text.</param>
    /// <param name="outputTokens">The output tokens of the answer's <c>usage</c>; null when it had none.</param>
    /// <param name="finishReason">As the API spells it: <c>stop</c>, <c>length</c>, <c>content_filter</c>...</param>
    /// <param name="maxTokensSet">The request capped the answer's tokens, so <c>length</c> is an expected end.</param>
    /// <returns><see cref="RequestRecord.Ok"/> or the reason the answer fails.</returns>
    public static string Outcome(bool hasContent, int? outputTokens, string? finishReason, bool maxTokensSet) =>
        !hasContent ? EmptyAnswer
        : outputTokens is null ? NoUsage
        : finishReason is null ? NoFinishReason
        : finishReason == "stop" || (finishReason == "length" && maxTokensSet) ? RequestRecord.Ok
        : $"finish_reason {finishReason}";
}
