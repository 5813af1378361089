using ChatBench.Benchmarks.Records;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One streaming chat request through the SDK, timed chunk by chunk. The first token is the first update with
/// non-empty content (the role-only update does not count); output tokens come from the server's usage, never from
/// counting chunks; a stream without content, usage or finish reason is a failure, not a short answer.
/// </summary>
public static class StreamingChatCall
{
    public static async Task SendAsync(ChatClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Add(await StreamAsync(client, prompt, batch, batch.Now()));
    }

    /// <summary>One stream, its times counted from <paramref name="start"/> (a batch time: now, or an open loop's schedule).</summary>
    public static async Task<RequestRecord> StreamAsync(ChatClient client, PlannedPrompt prompt, BatchRecorder batch, double start)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        double? first = null, last = null;
        int? tokens = null;
        var finished = false;
        var gaps = new List<double>(prompt.Plan?.CompletionTokens ?? 64);
        try
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(prompt.Prompt.Text)], ChatCall.Options(prompt)))
            {
                var now = batch.Now();
                if (HasContent(update))
                {
                    if (last is { } previous)
                    {
                        gaps.Add(now - previous);
                    }

                    last = now;
                    first ??= now;
                }

                tokens = update.Usage?.OutputTokenCount ?? tokens;
                finished |= update.FinishReason is not null;
            }

            var outcome = first is null ? "empty answer" : tokens is null ? "no usage" : !finished ? "incomplete stream" : RequestRecord.Ok;
            return prompt.Streamed(start, first, last, batch.Now(), tokens, outcome, gaps);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return prompt.Streamed(start, first, last, batch.Now(), tokens, ChatCall.OutcomeOf(e), gaps);
        }
    }

    private static bool HasContent(StreamingChatCompletionUpdate update)
    {
        foreach (var part in update.ContentUpdate)
        {
            if (!string.IsNullOrEmpty(part.Text))
            {
                return true;
            }
        }

        return false;
    }
}
