using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>One non-streaming request through <see cref="RawChatHttpClient"/>, timed and checked like <see cref="ChatCall"/>.</summary>
public static class RawChatCall
{
    public static async Task SendAsync(RawChatHttpClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            var completion = await client.CompleteAsync(prompt.Prompt.Text, prompt.Prompt.Seed);
            // The raw client never caps the answer's tokens.
            var outcome = AnswerRule.Outcome(completion.Content.Length > 0, completion.OutputTokens, completion.FinishReason, maxTokensSet: false);
            batch.Add(prompt.Answered(start, batch.Now(), completion.OutputTokens, outcome));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }
}
