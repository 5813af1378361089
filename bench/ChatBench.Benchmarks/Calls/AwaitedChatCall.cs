using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// The shape of every client path whose call is one awaited task: the start taken right before the client's call, the
/// end right after it returns, the answer checked by <see cref="AnswerRule"/>, an exception recorded as its outcome. A
/// path only makes the call, returning the client's own task, and says what the answer holds. The streams, the blocking
/// call and the Retry-After pipeline keep this shape in their own method: carrying their state through here would
/// enlarge every request's state machine (measured: 24 bytes a request).
/// </summary>
public abstract class AwaitedChatCall<TAnswer> : IChatCall
{
    public async Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            var answer = await RequestAsync(prompt);
            var end = batch.Now();
            batch.Add(prompt.Answered(start, end, Facts(answer, prompt)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }

    protected abstract Task<TAnswer> RequestAsync(PlannedPrompt prompt);

    protected abstract AnswerFacts Facts(TAnswer answer, PlannedPrompt prompt);
}
