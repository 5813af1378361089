using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// A streaming chat-completion request as HTTP/1.1 bytes, built once before a schedule starts: the body the raw client
/// sends for a stream (<see cref="ChatRequestJson"/>: model, the user message, the seed, <c>stream</c> with usage), so
/// the server does the same work as for the SDK's.
/// </summary>
public static class BareChatRequest
{
    public static byte[] Build(Uri baseUrl, string model, PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(prompt);
        var body = ChatRequestJson.Write(model, prompt.Prompt.Text, prompt.Prompt.Seed, stream: true);
        var path = baseUrl.AbsolutePath.TrimEnd('/') + "/chat/completions";
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"POST {path} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nAuthorization: Bearer bare-sender\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body.Span];
    }
}
