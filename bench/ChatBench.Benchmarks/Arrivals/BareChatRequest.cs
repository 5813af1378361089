using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// A streaming chat-completion request as HTTP/1.1 bytes, built once before a schedule starts: the body the SDK sends
/// for a stream (model, the user message, the seed, <c>stream</c> with usage), so the server does the same work.
/// </summary>
public static class BareChatRequest
{
    public static byte[] Build(Uri baseUrl, string model, PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(prompt);
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WriteString("content", prompt.Prompt.Text);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("model", model);
            json.WriteNumber("seed", prompt.Prompt.Seed);
            json.WriteBoolean("stream", true);
            json.WriteStartObject("stream_options");
            json.WriteBoolean("include_usage", true);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        var path = baseUrl.AbsolutePath.TrimEnd('/') + "/chat/completions";
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"POST {path} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nAuthorization: Bearer bare-sender\r\nContent-Type: application/json\r\nContent-Length: {body.WrittenCount}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body.WrittenSpan];
    }
}
