using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// The ground truth for one request: the answer the stub sends and when each token is due, measured from the moment
/// the stub starts handling the request. The first content token is due at <see cref="TimeToFirstToken"/>, each
/// following one <see cref="InterTokenInterval"/> later; a non-streaming answer is sent whole at <see cref="Total"/>.
/// </summary>
public sealed class ResponsePlan
{
    internal ResponsePlan(PromptRule rule, int completionTokens, string finishReason, TimeSpan timeToFirstToken, TimeSpan interTokenInterval, ReplayedFault? fault = null, int cachedTokens = 0)
    {
        CachedTokens = cachedTokens;
        Fault = fault;
        Rule = rule;
        CompletionTokens = completionTokens;
        FinishReason = finishReason;
        TimeToFirstToken = timeToFirstToken;
        InterTokenInterval = interTokenInterval;
    }

    /// <summary>The prompt class that answers.</summary>
    public PromptRule Rule { get; }

    /// <summary>Content tokens the answer has (<c>usage.completion_tokens</c>).</summary>
    public int CompletionTokens { get; }

    /// <summary><c>stop</c>, or <c>length</c> when the request's token limit cut the answer.</summary>
    public string FinishReason { get; }

    /// <summary>When the first content token is due, from the start of handling.</summary>
    public TimeSpan TimeToFirstToken { get; }

    /// <summary>The time between two content tokens.</summary>
    public TimeSpan InterTokenInterval { get; }

    /// <summary>The prompt tokens the prefix cache held, whose prefill the time to first token leaves out.</summary>
    public int CachedTokens { get; }

    /// <summary>A recorded failure this request replays instead of its answer (<c>--replay-errors</c>), or null.</summary>
    public ReplayedFault? Fault { get; }

    /// <summary>When the last token is due: a non-streaming answer is sent whole then.</summary>
    public TimeSpan Total => TokenDueAt(CompletionTokens - 1);

    /// <summary>The answer's text, cut to <see cref="CompletionTokens"/>.</summary>
    public string Content => CompletionTokens == Rule.Tokens.Count ? Rule.Answer : string.Concat(Rule.Tokens.Take(CompletionTokens));

    /// <summary>When content token <paramref name="index"/> (from 0) is due.</summary>
    public TimeSpan TokenDueAt(int index) => TimeToFirstToken + InterTokenInterval * Math.Max(index, 0);
}
