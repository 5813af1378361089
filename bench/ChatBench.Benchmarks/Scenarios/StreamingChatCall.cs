using ChatBench.Benchmarks.Records;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One streaming chat request through the SDK, timed chunk by chunk. The first token is the first update with
/// non-empty content (the role-only update does not count); output tokens come from the server's usage, never from
/// counting chunks; the answer is checked by <see cref="AnswerRule"/>, so a stream without content, usage or a proper
/// finish reason is a failure, not a short answer.
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
        var timing = new StreamTiming(prompt.Plan?.CompletionTokens ?? 64);
        int? tokens = null;
        string? finishReason = null;
        try
        {
            var options = ChatCall.Options(prompt);
            await foreach (var update in client.CompleteChatStreamingAsync(prompt.Prompt.SdkMessages(), options))
            {
                var now = batch.Now();
                if (HasContent(update))
                {
                    timing.Content(now);
                }

                tokens = update.Usage?.OutputTokenCount ?? tokens;
                finishReason = update.FinishReason is { } reason ? ChatCall.ApiName(reason) : finishReason;
            }

            var outcome = AnswerRule.Outcome(timing.First is not null, tokens, finishReason, options.MaxOutputTokenCount is not null);
            return prompt.Streamed(start, timing.First, timing.Last, batch.Now(), tokens, outcome, timing.Gaps);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return prompt.Streamed(start, timing.First, timing.Last, batch.Now(), tokens, ChatCall.OutcomeOf(e), timing.Gaps);
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
