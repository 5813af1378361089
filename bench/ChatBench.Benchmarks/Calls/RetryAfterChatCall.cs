using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;
using Polly;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// A non-streaming SDK request retried by a resilience pipeline (429s after their Retry-After); its time includes every
/// attempt. The pipeline answers with a ValueTask, so this path keeps the awaited shape in its own method.
/// </summary>
public sealed class RetryAfterChatCall(ChatClient client, ResiliencePipeline resilience) : IChatCall
{
    public async Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            var options = SdkChatCall.Options(prompt);
            var completion = await resilience.ExecuteAsync(
                async token => (await client.CompleteChatAsync([new UserChatMessage(prompt.Prompt.Text)], options, token)).Value);
            var end = batch.Now();
            batch.Add(prompt.Answered(start, end, SdkChatCall.Facts(completion, prompt)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }
}
