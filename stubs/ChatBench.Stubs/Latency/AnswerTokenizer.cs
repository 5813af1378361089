using System.Text.RegularExpressions;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Splits text into GPT-like tokens: short words with their leading space, long words in pieces of up to
/// eight letters, numbers in groups of up to three digits, each punctuation mark, and whitespace runs.
/// Concatenating the tokens gives the text back unchanged, so a stream of them reproduces the answer exactly.
/// </summary>
internal static partial class AnswerTokenizer
{
    [GeneratedRegex(@"[ ]?[A-Za-z]{1,8}|[ ]?\d{1,3}|[ ]?[^\sA-Za-z\d]|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = TokenPattern().Matches(text);
        var tokens = new string[matches.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = matches[i].Value;
        }

        return tokens;
    }

    public static int Count(string text) => TokenPattern().Count(text);
}
