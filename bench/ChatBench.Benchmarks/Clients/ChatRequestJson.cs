using System.Buffers;
using System.Text.Json;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// The least JSON a chat request needs, written with <see cref="Utf8JsonWriter"/>: the model, one user message, the
/// seed and, for a stream, the usage option. The raw client posts it, and so does the SDK's protocol method.
/// </summary>
public static class ChatRequestJson
{
    public static ReadOnlyMemory<byte> Write(string model, string prompt, long? seed, bool stream)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WriteString("content", prompt);
            json.WriteEndObject();
            json.WriteEndArray();
            if (seed is { } value)
            {
                json.WriteNumber("seed", value);
            }

            if (stream)
            {
                json.WriteBoolean("stream", true);
                json.WriteStartObject("stream_options");
                json.WriteBoolean("include_usage", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
