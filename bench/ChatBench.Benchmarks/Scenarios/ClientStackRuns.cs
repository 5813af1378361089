using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The client stacks that are more than a call path sent all at once (<see cref="BatchStrategies.WhenAllAsync"/> sends
/// the others), for <see cref="ClientStackBenchmarks"/> and <see cref="BlockingCallBenchmarks"/>. Every stack asks the
/// same prompts and is checked the same way.
/// </summary>
public static class ClientStackRuns
{
    /// <summary>The seed example's mistake at scale: a new SDK client (and its pipeline) for every request.</summary>
    public static Task SdkClientPerRequestAsync(BenchTarget target, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(p => new SdkChatCall(ChatClientFactory.Create(target)).SendAsync(p, batch)));

    /// <summary>
    /// The blocking <c>CompleteChat</c> spread over pool threads: each request holds a thread for its whole latency, so
    /// the batch only gets as many requests in flight as the pool has threads, and the pool grows slowly.
    /// </summary>
    public static void SdkSyncParallelFor(BlockingSdkChatCall call, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Parallel.For(0, prompts.Count, i => call.Send(prompts[i], batch));
}
