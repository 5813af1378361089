using ChatBench.Benchmarks.Records;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One streaming chat request through the SDK, timed chunk by chunk. The first token is the first update with
/// non-empty content (the role-only update does not count); output tokens come from the server's usage, never from
/// counting chunks; <see cref="AnswerRule"/> makes a stream without content, usage or a proper finish reason a failure, not a short answer.
/// </summary>
public static class StreamingChatCall
{
    public static async Task SendAsync(ChatClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        double? first = null, last = null;
        int? tokens = null;
        string? finishReason = null;
        var gaps = new List<double>(prompt.Plan?.CompletionTokens ?? 64);
        try
        {
            var options = ChatCall.Options(prompt);
            await foreach (var update in client.CompleteChatStreamingAsync(prompt.Prompt.SdkMessages(), options))
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
                finishReason = update.FinishReason is { } reason ? ChatCall.ApiName(reason) : finishReason;
            }

            var outcome = AnswerRule.Outcome(first is not null, tokens, finishReason, options.MaxOutputTokenCount is not null);
            batch.Add(prompt.Streamed(start, first, last, batch.Now(), tokens, outcome, gaps));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Streamed(start, first, last, batch.Now(), tokens, ChatCall.OutcomeOf(e), gaps));
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
