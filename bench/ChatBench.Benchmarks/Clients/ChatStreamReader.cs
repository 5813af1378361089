using System.Net.ServerSentEvents;
using System.Text;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// Reads an OpenAI chat stream with .NET's own server-sent-events parser: every non-empty content delta goes to
/// <c>onContent</c> as it arrives; the result has the whole text, the usage and the finish reason.
/// </summary>
public static class ChatStreamReader
{
    /// <exception cref="IOException">The stream ended before its <c>[DONE]</c> event.</exception>
    public static async Task<RawChatCompletion> ReadAsync(Stream body, Action<string>? onContent, CancellationToken cancellationToken)
    {
        var content = new StringBuilder();
        int? outputTokens = null;
        string? finishReason = null;
        await foreach (var item in SseParser.Create(body, (_, data) => ChatChunk.Parse(data)).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            var chunk = item.Data;
            if (chunk.IsDone)
            {
                return new RawChatCompletion(content.ToString(), outputTokens, finishReason);
            }

            outputTokens = chunk.OutputTokens ?? outputTokens;
            finishReason = chunk.FinishReason ?? finishReason;
            if (chunk.Content is { Length: > 0 } text)
            {
                content.Append(text);
                onContent?.Invoke(text);
            }
        }

        throw new IOException("The stream ended before its [DONE] event.");
    }
}
