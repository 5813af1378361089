using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatBench.Stubs.Protocol;

/// <summary>Writes the <c>chat.completion</c> object and the <c>usage</c> object as the OpenAI API does.</summary>
internal static class ChatCompletionJson
{
    public const string SystemFingerprint = "fp_chatbench";

    // OpenAI sends quotes and non-ASCII text unescaped where JSON allows it; so does the stub.
    internal static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteCompletion(IBufferWriter<byte> buffer, CompletionIdentity identity, string content, string finishReason, int promptTokens, int completionTokens, int cachedTokens = 0)
    {
        using var json = new Utf8JsonWriter(buffer, Relaxed);
        json.WriteStartObject();
        json.WriteString("id", identity.Id);
        json.WriteString("object", "chat.completion");
        json.WriteNumber("created", identity.Created);
        json.WriteString("model", identity.Model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", content);
        json.WriteNull("refusal");
        json.WriteStartArray("annotations");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, promptTokens, completionTokens, cachedTokens);
        json.WriteString("service_tier", "default");
        json.WriteString("system_fingerprint", SystemFingerprint);
        json.WriteEndObject();
    }

    /// <summary>The tail of the stream's usage event, after the chunk prefix: <c>],"usage":{...}}</c>.</summary>
    public static void WriteUsageChunkTail(IBufferWriter<byte> buffer, int promptTokens, int completionTokens, int cachedTokens = 0)
    {
        buffer.Write("],\"usage\":"u8);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            WriteUsageValue(json, promptTokens, completionTokens, cachedTokens);
        }

        buffer.Write("}\n\n"u8);
    }

    private static void WriteUsage(Utf8JsonWriter json, int promptTokens, int completionTokens, int cachedTokens)
    {
        json.WritePropertyName("usage");
        WriteUsageValue(json, promptTokens, completionTokens, cachedTokens);
    }

    private static void WriteUsageValue(Utf8JsonWriter json, int promptTokens, int completionTokens, int cachedTokens)
    {
        json.WriteStartObject();
        json.WriteNumber("prompt_tokens", promptTokens);
        json.WriteNumber("completion_tokens", completionTokens);
        json.WriteNumber("total_tokens", promptTokens + completionTokens);
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("cached_tokens", cachedTokens);
        json.WriteNumber("audio_tokens", 0);
        json.WriteEndObject();
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("reasoning_tokens", 0);
        json.WriteNumber("audio_tokens", 0);
        json.WriteNumber("accepted_prediction_tokens", 0);
        json.WriteNumber("rejected_prediction_tokens", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
