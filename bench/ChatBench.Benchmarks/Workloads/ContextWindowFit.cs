using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// Keeps a conversation's prompt within a context window the way chat applications do: drop the oldest exchanges (a
/// user message and the answer after it) until the prompt plus the turn's max_tokens fits, never the system prompt nor
/// the message being sent. What still does not fit is sent as it is, for the endpoint to refuse.
/// </summary>
public static class ContextWindowFit
{
    public static IReadOnlyList<WorkloadMessage> Fit(IReadOnlyList<WorkloadMessage> messages, int window, int? maxTokens)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var kept = messages.ToList();
        var firstExchange = kept.Count > 0 && kept[0].Role == "system" ? 1 : 0;
        while (PromptTokenCounter.Conversation(kept.Select(m => m.Content)) + (maxTokens ?? 0) > window
            && kept.Count - firstExchange > 2
            && kept[firstExchange].Role == "user" && kept[firstExchange + 1].Role == "assistant")
        {
            kept.RemoveRange(firstExchange, 2);
        }

        return kept;
    }
}
