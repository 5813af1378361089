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
            var response = await client.GetResponseAsync(prompt.Prompt.Text, Options(prompt));
            batch.Add(prompt.Answered(start, batch.Now(), response.Text, (int?)response.Usage?.OutputTokenCount));
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
