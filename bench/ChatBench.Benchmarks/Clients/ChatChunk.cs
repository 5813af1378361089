using System.Text.Json;

namespace ChatBench.Benchmarks.Clients;

/// <summary>What the raw client reads from one server-sent event of a chat stream.</summary>
public readonly record struct ChatChunk(bool IsDone, string? Content, int? OutputTokens, string? FinishReason)
{
    private static readonly ChatChunk DoneEvent = new(true, null, null, null);

    /// <summary>
    /// Parses one event's data: <c>[DONE]</c>, or a <c>chat.completion.chunk</c> whose content delta, usage and finish
    /// reason are read; anything missing stays null. Malformed JSON throws <see cref="JsonException"/>.
    /// </summary>
    public static ChatChunk Parse(ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return DoneEvent;
        }

        var reader = new Utf8JsonReader(data);
        var root = JsonElement.ParseValue(ref reader);
        var choice = root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            ? choices[0]
            : default;
        var content = choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("delta", out var delta)
            && delta.TryGetProperty("content", out var piece) && piece.ValueKind == JsonValueKind.String
            ? piece.GetString()
            : null;
        return new ChatChunk(false, content, RawChatCompletion.OutputTokensOf(root), RawChatCompletion.FinishReasonOf(choice));
    }
}
