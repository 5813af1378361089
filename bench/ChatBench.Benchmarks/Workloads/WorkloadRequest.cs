using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// One line of a workload file: the conversation to send, the class the reports group it by, and an optional output
/// cap. Prompt tokens are counted once, with the gpt-4o family's tokenizer.
/// </summary>
public sealed record WorkloadRequest
{
    public WorkloadRequest(IReadOnlyList<WorkloadMessage> messages, string? promptClass, int? maxTokens)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Messages = messages;
        MaxTokens = maxTokens;
        LastUserMessage = messages.LastOrDefault(m => m.Role == "user")?.Content ?? string.Empty;
        PromptTokens = PromptTokenCounter.Conversation(messages.Select(m => m.Content));
        Class = promptClass ?? PromptLengthBucket.Of(PromptTokens);
    }

    public IReadOnlyList<WorkloadMessage> Messages { get; }

    public string Class { get; }

    public int? MaxTokens { get; }

    /// <summary>What the stub plans by and a profile keys prompts by.</summary>
    public string LastUserMessage { get; }

    public int PromptTokens { get; }

    /// <summary>True for a single user message: sent exactly as the built-in prompts always were.</summary>
    public bool IsSinglePrompt => Messages is [{ Role: "user" }];
}
