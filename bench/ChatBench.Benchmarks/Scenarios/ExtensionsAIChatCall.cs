using ChatBench.Benchmarks.Records;
using Microsoft.Extensions.AI;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>One non-streaming request through an <see cref="IChatClient"/>, timed and checked like <see cref="ChatCall"/>.</summary>
public static class ExtensionsAIChatCall
{
    public static async Task SendAsync(IChatClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            var options = Options(prompt);
            var response = await client.GetResponseAsync(prompt.Prompt.Text, options);
            var tokens = (int?)response.Usage?.OutputTokenCount;
            var outcome = AnswerRule.Outcome(!string.IsNullOrEmpty(response.Text), tokens, response.FinishReason?.Value, options.MaxOutputTokens is not null);
            batch.Add(prompt.Answered(start, batch.Now(), tokens, outcome));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }

    public static ChatOptions Options(PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new ChatOptions { Seed = prompt.Prompt.Seed };
    }
}
