using ChatBench.Stubs.Latency;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// What one benchmark case sends to the run's target (the user's paid API on a live run). Requests a class sends to a
/// stub process of its own are not in it: the target never sees them.
/// </summary>
/// <param name="PerInvocation">Requests one call of the benchmark method sends, the most it can send when it retries.</param>
/// <param name="PerSetup">Unmeasured requests a benchmark process sends once, in its global setup or on its first call (warm-ups).</param>
/// <param name="EstimatedOutputTokensPerInvocation">Output tokens one call asks for, roughly, for the plan's token estimate.</param>
public sealed record RequestBudget(int PerInvocation, int PerSetup, int EstimatedOutputTokensPerInvocation)
{
    public static RequestBudget None { get; } = new(0, 0, 0);

    /// <summary>Every turn of <paramref name="sessions"/> per call, and <paramref name="perSetup"/> warm-up requests.</summary>
    public static RequestBudget Sessions(IReadOnlyList<ChatSession> sessions, int perSetup = 0)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var tokens = sessions.SelectMany(s => s.Turns).Sum(t => t.MaxTokens ?? LatencyProfile.Default.Plan(t.User).CompletionTokens);
        return new(ChatSession.PlannedRequests(sessions), perSetup, tokens);
    }

    /// <summary>A batch of <paramref name="prompts"/> per call, sent once each, with no warm-up.</summary>
    public static RequestBudget Batch(IReadOnlyList<ChatPrompt> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return new(prompts.Count, 0, PromptMix.EstimatedOutputTokens(prompts));
    }
}
