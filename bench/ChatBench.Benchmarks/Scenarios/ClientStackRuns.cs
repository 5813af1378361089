using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One batch sent all at once through each client stack, for <see cref="ClientStackBenchmarks"/>,
/// <see cref="BlockingCallBenchmarks"/> and <see cref="HttpVersionBenchmarks"/>. Every stack asks the same prompts and
/// is checked the same way.
/// </summary>
public static class ClientStackRuns
{
    public static Task RawAsync(RawChatHttpClient client, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(p => RawChatCall.SendAsync(client, p, batch)));

    public static Task SdkAsync(ChatClient client, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(p => ChatCall.SendAsync(client, p, batch)));

    /// <summary>The seed example's mistake at scale: a new SDK client (and its pipeline) for every request.</summary>
    public static Task SdkClientPerRequestAsync(BenchTarget target, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(p => ChatCall.SendAsync(ChatClientFactory.Create(target), p, batch)));

    public static Task ExtensionsAIAsync(IChatClient client, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(p => ExtensionsAIChatCall.SendAsync(client, p, batch)));

    /// <summary>
    /// The blocking <c>CompleteChat</c> spread over pool threads: each request holds a thread for its whole latency, so
    /// the batch only gets as many requests in flight as the pool has threads, and the pool grows slowly.
    /// </summary>
    public static void SdkSyncParallelFor(ChatClient client, IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Parallel.For(0, prompts.Count, i => ChatCall.Send(client, prompts[i], batch));
}
