using System.Text;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// One streaming chat request through the SDK, timed chunk by chunk. The first token is the first update with
/// non-empty content (the role-only update does not count); output tokens come from the server's usage, never from
/// counting chunks; the answer is checked by <see cref="AnswerRule"/>, so a stream without content, usage or a proper
/// finish reason is a failure, not a short answer. It times its own stream rather than through
/// <see cref="AwaitedChatCall{TAnswer}"/>: reading the updates there would add an await to every request.
/// </summary>
public sealed class SdkStreamingChatCall(ChatClient client) : IChatCall
{
    public async Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Add(await StreamAsync(prompt, batch, batch.Now()));
    }

    /// <summary>
    /// One stream, its times counted from <paramref name="start"/> (a batch time: now, or an open loop's schedule); the
    /// answer's text goes into <paramref name="answer"/> when given (a conversation sends it back next turn).
    /// </summary>
    public async Task<RequestRecord> StreamAsync(PlannedPrompt prompt, BatchRecorder batch, double start, StringBuilder? answer = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var timing = new StreamTiming(prompt.Plan?.CompletionTokens ?? 64);
        int? tokens = null;
        int? cached = null;
        int? prompted = null;
        string? finishReason = null;
        try
        {
            await foreach (var update in client.CompleteChatStreamingAsync(prompt.Prompt.SdkMessages(), SdkChatCall.Options(prompt)))
            {
                var now = batch.Now();
                if (HasContent(update))
                {
                    timing.Content(now);
                    if (answer is not null)
                    {
                        foreach (var part in update.ContentUpdate)
                        {
                            answer.Append(part.Text);
                        }
                    }
                }

                tokens = update.Usage?.OutputTokenCount ?? tokens;
                cached = update.Usage?.InputTokenDetails?.CachedTokenCount ?? cached;
                prompted = update.Usage?.InputTokenCount ?? prompted;
                finishReason = update.FinishReason is { } reason ? SdkChatCall.ApiName(reason) : finishReason;
            }

            var end = batch.Now();
            return prompt.Streamed(start, timing, end, new AnswerFacts(timing.First is not null, tokens, finishReason, prompt.Prompt.Request?.MaxTokens is not null), (prompted, cached));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return prompt.Streamed(start, timing, batch.Now(), tokens, e);
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
