using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// One prompt class of a <see cref="LatencyProfile"/>: which prompts it takes (a pattern, a maximum length, both or
/// neither) and the answer it gives. The answer is tokenized and JSON-encoded once here, not per request.
/// </summary>
public sealed class PromptRule
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>A class named <paramref name="name"/> answering <paramref name="answer"/> to prompts that match <paramref name="pattern"/> and are at most <paramref name="maxPromptLength"/> characters long.</summary>
    public PromptRule(string name, string answer, Regex? pattern = null, int? maxPromptLength = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(answer);
        if (maxPromptLength is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPromptLength), maxPromptLength, "must be zero or more");
        }

        Name = name;
        Answer = answer;
        Pattern = pattern;
        MaxPromptLength = maxPromptLength;
        Tokens = AnswerTokenizer.Split(answer);
        EncodedTokens = Tokens.Select(t => JsonEncodedText.Encode(t, Encoder).EncodedUtf8Bytes.ToArray()).ToArray();
    }

    /// <summary>The class's name, as results report it.</summary>
    public string Name { get; }

    /// <summary>The whole answer, which a token limit may cut.</summary>
    public string Answer { get; }

    /// <summary>The prompts this class takes; null takes any.</summary>
    public Regex? Pattern { get; }

    /// <summary>The longest prompt, in characters, this class takes; null for any length.</summary>
    public int? MaxPromptLength { get; }

    /// <summary>The answer cut into the tokens a stream sends one by one.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Each token as JSON string content (without quotes), ready to copy into a stream chunk.</summary>
    internal IReadOnlyList<byte[]> EncodedTokens { get; }

    internal bool Matches(string prompt) =>
        (Pattern is null || Pattern.IsMatch(prompt)) && (MaxPromptLength is null || prompt.Length <= MaxPromptLength);
}
