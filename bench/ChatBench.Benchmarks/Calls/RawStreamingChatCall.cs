using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Calls;

/// <summary>One streaming request through <see cref="RawChatHttpClient"/>, timed chunk by chunk like <see cref="SdkStreamingChatCall"/>.</summary>
public sealed class RawStreamingChatCall(RawChatHttpClient client) : IChatCall
{
    public async Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        var timing = new StreamTiming(prompt.Plan?.CompletionTokens ?? 64);
        try
        {
            var answer = await client.StreamAsync(prompt.Prompt.Text, prompt.Prompt.Seed, _ => timing.Content(batch.Now()));
            var end = batch.Now();

            // The raw client never caps the answer's tokens.
            batch.Add(prompt.Streamed(start, timing, end, new AnswerFacts(timing.First is not null, answer.OutputTokens, answer.FinishReason, MaxTokensSet: false)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Streamed(start, timing, batch.Now(), null, e));
        }
    }
}
