namespace ChatBench.Benchmarks.Clients;

/// <summary>What the raw client reads from an answer: its text and the output tokens the server's <c>usage</c> reports.</summary>
public sealed record RawChatCompletion(string Content, int? OutputTokens);
