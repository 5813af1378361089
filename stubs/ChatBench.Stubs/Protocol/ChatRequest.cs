namespace ChatBench.Stubs.Protocol;

/// <summary>The parts of a chat-completions request the stub acts on.</summary>
internal sealed record ChatRequest(
    string Model,
    string LastUserMessage,
    int PromptTokens,
    bool Stream,
    bool IncludeUsage,
    int? MaxTokens,
    long? Seed)
{
    /// <summary>The keys of the prompt's whole 128-token blocks for the prefix cache; empty when they were not asked for.</summary>
    public ReadOnlyMemory<ulong> PromptBlocks { get; init; }
}
