using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// The one check every client path makes of an answer that arrived, streamed or not (the SDK, its blocking call, the raw
/// HttpClient, Microsoft.Extensions.AI): an answer without text, without usage or cut short is a failed request whose
/// reason is the record's outcome, never a fast success.
/// </summary>
public static class AnswerRule
{
    public static RequestOutcome Outcome(in AnswerFacts answer) =>
        !answer.HasContent ? RequestOutcome.EmptyAnswer
        : answer.OutputTokens is null ? RequestOutcome.NoUsage
        : answer.FinishReason is not { } reason ? RequestOutcome.NoFinishReason
        : reason == "stop" || (reason == "length" && answer.MaxTokensSet) ? RequestOutcome.Answered
        : RequestOutcome.Finished(reason);
}
