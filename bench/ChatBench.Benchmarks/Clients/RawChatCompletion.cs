using System.Text.Json;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// What the raw client reads from an answer: its text, the output tokens the server's <c>usage</c> reports and the
/// choice's <c>finish_reason</c>.
/// </summary>
public sealed record RawChatCompletion(string Content, int? OutputTokens, string? FinishReason)
{
    /// <summary>A non-streaming <c>chat.completion</c> object; what it lacks stays empty or null for the answer check.</summary>
    public static RawChatCompletion Parse(JsonElement root)
    {
        var choice = root.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0 ? choices[0] : default;
        var content = choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("message", out var message)
            && message.TryGetProperty("content", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : string.Empty;
        return new RawChatCompletion(content, OutputTokensOf(root), FinishReasonOf(choice));
    }

    /// <summary>The <c>usage.completion_tokens</c> of a completion or of a stream's usage event.</summary>
    public static int? OutputTokensOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
            && usage.TryGetProperty("completion_tokens", out var tokens) && tokens.TryGetInt32(out var count)
            ? count
            : null;

    /// <summary>A choice's <c>finish_reason</c>, in a completion or a stream's chunk; null while a stream goes on.</summary>
    public static string? FinishReasonOf(JsonElement choice) =>
        choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("finish_reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;
}
