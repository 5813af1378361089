using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>One streaming request through <see cref="RawChatHttpClient"/>, timed chunk by chunk and checked like <see cref="StreamingChatCall"/>.</summary>
public static class RawStreamingChatCall
{
    public static async Task SendAsync(RawChatHttpClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        var timing = new StreamTiming(prompt.Plan?.CompletionTokens ?? 64);
        try
        {
            var answer = await client.StreamAsync(prompt.Prompt.Text, prompt.Prompt.Seed, _ => timing.Content(batch.Now()));
            // The raw client never caps the answer's tokens.
            var outcome = AnswerRule.Outcome(timing.First is not null, answer.OutputTokens, answer.FinishReason, maxTokensSet: false);
            batch.Add(prompt.Streamed(start, timing.First, timing.Last, batch.Now(), answer.OutputTokens, outcome, timing.Gaps));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Streamed(start, timing.First, timing.Last, batch.Now(), null, ChatCall.OutcomeOf(e), timing.Gaps));
        }
    }
}
