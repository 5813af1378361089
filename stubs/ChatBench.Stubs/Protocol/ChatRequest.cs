namespace ChatBench.Stubs.Protocol;

/// <summary>The parts of a chat-completions request the stub acts on.</summary>
public sealed record ChatRequest(
    string Model,
    string LastUserMessage,
    int PromptTokens,
    bool Stream,
    bool IncludeUsage,
    int? MaxTokens,
    long? Seed);
