using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Harness;

/// <summary>The ways to send a batch of chat requests that the batch benchmarks compare.</summary>
public static class BatchStrategies
{
    public static async Task SequentialAsync(IChatCall call, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch)
    {
        foreach (var prompt in prompts)
        {
            await call.SendAsync(prompt, batch);
        }
    }

    /// <summary>Every request at once.</summary>
    public static Task WhenAllAsync(IChatCall call, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(prompt => call.SendAsync(prompt, batch)));

    /// <summary>All requests started in order, at most <paramref name="maxInFlight"/> past the semaphore at a time.</summary>
    public static Task SemaphoreAsync(IChatCall call, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch, int maxInFlight) =>
        BoundedAsync(prompts, maxInFlight, prompt => call.SendAsync(prompt, batch));

    /// <summary>Runs <paramref name="send"/> for every prompt, in order, with at most <paramref name="maxInFlight"/> running.</summary>
    public static async Task BoundedAsync(IReadOnlyList<PlannedPrompt> prompts, int maxInFlight, Func<PlannedPrompt, Task> send)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(send);
        using var gate = new SemaphoreSlim(maxInFlight);
        await Task.WhenAll(prompts.Select(async prompt =>
        {
            await gate.WaitAsync();
            try
            {
                await send(prompt);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Workers that each take the next request when free.</summary>
    public static Task ParallelForEachAsync(IChatCall call, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch, int maxInFlight) =>
        Parallel.ForEachAsync(
            prompts,
            new ParallelOptions { MaxDegreeOfParallelism = maxInFlight },
            async (prompt, _) => await call.SendAsync(prompt, batch));

    /// <summary>Every request at once, each answer handled as soon as it arrives (completion order).</summary>
    public static async Task<int> WhenEachAsync(IChatCall call, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch)
    {
        var handled = 0;
        await foreach (var finished in Task.WhenEach(prompts.Select(prompt => call.SendAsync(prompt, batch))))
        {
            await finished;
            handled++;
        }

        return handled;
    }
}
