using System.Globalization;
using System.Text;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// Text of exactly N o200k_base tokens: N words, each one token both at the start and after a space, so the tokenizer,
/// which splits text at spaces before merging, counts one token a word. Every text is counted again before it is used.
/// </summary>
public static class ExactTokenText
{
    private static readonly string[] Candidates =
    [
        "account", "answer", "app", "bill", "book", "box", "call", "card", "case", "change", "check", "city", "code", "cost",
        "data", "date", "day", "desk", "email", "error", "file", "fix", "form", "game", "group", "help", "home", "hour",
        "issue", "item", "job", "key", "line", "list", "login", "mail", "map", "menu", "name", "note", "number", "order",
        "page", "part", "pay", "plan", "point", "price", "rate", "report", "room", "rule", "sale", "screen", "send", "service",
        "shop", "sign", "site", "size", "start", "step", "store", "team", "test", "text", "time", "tool", "track", "type",
        "user", "view", "week", "work", "year", "the", "a", "my", "your", "our", "this", "that", "new", "old", "last", "next",
        "first", "small", "large", "good", "fast", "slow", "open", "free", "please", "can", "will", "should", "need", "want",
        "see", "get", "make", "find", "keep", "move", "show", "update", "cancel", "export", "refund", "upgrade", "and", "or",
        "but", "with", "for", "from", "about", "after", "before", "when", "where", "how", "why", "what", "which", "again",
    ];

    // The tokenizer decides, not this list: a word that is not one token in both places is left out.
    private static readonly Lazy<string[]> Words = new(() =>
        Candidates.Where(w => PromptTokenCounter.Count(w) == 1 && PromptTokenCounter.Count(" " + w) == 1).ToArray());

    /// <summary>The words in use: every one of them a single o200k token, alone or after a space.</summary>
    public static IReadOnlyList<string> Vocabulary => Words.Value;

    /// <summary><paramref name="tokens"/> words drawn from <paramref name="draws"/>: exactly that many o200k tokens.</summary>
    public static string Of(int tokens, SeededDraws draws)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentNullException.ThrowIfNull(draws);
        var words = Words.Value;
        var text = new StringBuilder(tokens * 6);
        for (var i = 0; i < tokens; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(words[draws.Between(0, words.Length - 1)]);
        }

        var result = text.ToString();
        var counted = PromptTokenCounter.Count(result);
        return counted == tokens
            ? result
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Synthetic text of {tokens} words counts {counted} o200k tokens: a word in the vocabulary merges with its neighbour."));
    }
}
