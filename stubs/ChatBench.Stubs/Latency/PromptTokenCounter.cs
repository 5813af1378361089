using Microsoft.ML.Tokenizers;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Prompt tokens as the gpt-4o family counts them: its o200k_base encoding, plus the chat format's overhead (about
/// three tokens per message and three to prime the reply). The stub's <c>usage</c>, workloads and recorded profiles
/// all count with this one function, so a replayed profile picks the same prompt-token bucket on both sides.
/// </summary>
internal static class PromptTokenCounter
{
    public const int TokensPerMessage = 3;
    public const int ReplyPriming = 3;

    // Loading the encoding takes a moment; the first request (or the warm-up) pays for it once.
    private static readonly Lazy<Tokenizer> Encoding = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    /// <summary>Tokens of one text, without any chat overhead.</summary>
    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Encoding.Value.CountTokens(text);

    /// <summary>The token ids of one text, without any chat overhead: for the prefix cache, which needs the tokens themselves.</summary>
    internal static IReadOnlyList<int> Encode(string text) => string.IsNullOrEmpty(text) ? [] : Encoding.Value.EncodeToIds(text);

    /// <summary>Tokens of one message of a conversation: its content and its overhead.</summary>
    public static int Message(string content) => TokensPerMessage + Count(content);

    /// <summary>Tokens of a conversation: each message's content and overhead, and the reply's priming.</summary>
    public static int Conversation(IEnumerable<string> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        return ReplyPriming + contents.Sum(Message);
    }

    /// <summary>Tokens of a conversation of one user message, as the stub counts (and bills) a single prompt.</summary>
    public static int Prompt(string userMessage) => ReplyPriming + Message(userMessage);
}
