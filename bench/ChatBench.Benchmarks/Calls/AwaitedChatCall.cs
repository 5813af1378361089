using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// The shape of every client path that awaits one answer: the start taken right before the client's call, the end
/// right after it returns, the answer checked by <see cref="AnswerRule"/>, an exception recorded as its outcome. A path
/// only makes the call, returning the client's own task so that no await or allocation joins the measured time, and
/// says what the answer holds.
/// </summary>
public abstract class AwaitedChatCall<TAnswer> : IChatCall
{
    public async Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        var timing = StartTiming(prompt);
        try
        {
            var answer = await RequestAsync(prompt, batch, timing);
            var end = batch.Now();
            var facts = Facts(answer, prompt, timing);
            batch.Add(timing is null ? prompt.Answered(start, end, facts) : prompt.Streamed(start, timing, end, facts));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var end = batch.Now();
            batch.Add(timing is null ? prompt.Failed(start, end, e) : prompt.Streamed(start, timing, end, null, e));
        }
    }

    /// <summary>A streaming path's chunk clock, which <see cref="RequestAsync"/> feeds; null for a whole answer.</summary>
    protected virtual StreamTiming? StartTiming(PlannedPrompt prompt) => null;

    protected abstract ValueTask<TAnswer> RequestAsync(PlannedPrompt prompt, BatchRecorder batch, StreamTiming? timing);

    protected abstract AnswerFacts Facts(TAnswer answer, PlannedPrompt prompt, StreamTiming? timing);
}
