using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// The SDK's blocking call: the thread waits for the whole answer. It keeps its own start and end because an awaited
/// shape would add a task to a path whose point is that it has none; the record is made as every other path's is.
/// </summary>
public sealed class BlockingSdkChatCall(ChatClient client) : IChatCall
{
    public void Send(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            ChatCompletion completion = client.CompleteChat(prompt.Prompt.SdkMessages(), SdkChatCall.Options(prompt));
            var end = batch.Now();
            batch.Add(prompt.Answered(start, end, SdkChatCall.Facts(completion, prompt)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }

    /// <summary>Blocks the calling thread like <see cref="Send"/>, for code that treats every path alike.</summary>
    public Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        Send(prompt, batch);
        return Task.CompletedTask;
    }
}
