using OpenAI.Chat;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>One request of a workload: the question and the <c>seed</c> that varies the stub's jitter between copies.</summary>
public sealed record ChatPrompt(string Text, long Seed)
{
    /// <summary>The workload line it came from (conversation, class, output cap), or null for a bare question.</summary>
    public WorkloadRequest? Request { get; init; }

    /// <summary>The messages to send: the question alone, or the workload line's conversation.</summary>
    public IEnumerable<ChatMessage> SdkMessages() => Request is null || Request.IsSinglePrompt
        ? [new UserChatMessage(Text)]
        : Request.Messages.Select(ToSdk);

    private static ChatMessage ToSdk(WorkloadMessage message) => message.Role switch
    {
        "system" => new SystemChatMessage(message.Content),
#pragma warning disable OPENAI001 // Experimental in the SDK; the role is the API's own, sent as the workload says.
        "developer" => new DeveloperChatMessage(message.Content),
#pragma warning restore OPENAI001
        "assistant" => new AssistantChatMessage(message.Content),
        _ => new UserChatMessage(message.Content),
    };
}
