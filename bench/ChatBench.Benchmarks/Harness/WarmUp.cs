using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Unmeasured batches sent before anything is measured, the one way every part of ChatBench warms up: a fresh process
/// (the stub's or the client's) runs tiered-JIT code for its first few hundred to few thousand requests, at several
/// times its steady cost. Each batch is checked like a measured one, so a broken target fails setup, not a benchmark;
/// its records go to a scratch log, never into the results.
/// </summary>
public static class WarmUp
{
    /// <summary>Rounds and size of the embedded stub's warm-up: the host warms it once, since its process outlives every benchmark process.</summary>
    public const int EmbeddedStubRounds = 4;

    public const int EmbeddedStubBatch = 500;

    /// <summary>
    /// Brings the embedded stub to its steady cost before any benchmark runs (measured: about 500 us a request fresh,
    /// then 60-100 us), with completions and, for a fifth of the batch, streams through the raw client.
    /// </summary>
    /// <param name="replaysErrors">The stub replays recorded errors: a failed warm-up request is expected, not a broken stub.</param>
    public static async Task EmbeddedStubAsync(BenchTarget stub, bool replaysErrors)
    {
        using var raw = new RawChatHttpClient(stub, timeout: TimeSpan.FromMinutes(1));
        var prompts = PlannedPrompt.For(Enumerable.Range(0, EmbeddedStubBatch).Select(i => new ChatPrompt(DefaultPromptRules.ShortQuestion, i)).ToList(), null);
        var scratch = Scratch();

        var completion = new RawChatCall(raw);
        var stream = new RawStreamingChatCall(raw);

        // One stream in five, the rest whole answers, in one batch: both paths warm with every round.
        Task Send(IReadOnlyList<PlannedPrompt> batchPrompts, BatchRecorder batch) => Task.WhenAll(batchPrompts.Select(
            (prompt, i) => i % 5 == 0 ? stream.SendAsync(prompt, batch) : completion.SendAsync(prompt, batch)));
        for (var round = 0; round < EmbeddedStubRounds; round++)
        {
            await SendAsync(scratch, prompts, Send, tolerateFailures: replaysErrors);
        }
    }

    /// <summary>Sends <paramref name="rounds"/> batches of <paramref name="prompts"/> through each of <paramref name="sends"/> in turn.</summary>
    public static async Task BatchesAsync(IReadOnlyList<PlannedPrompt> prompts, int rounds, params Func<IReadOnlyList<PlannedPrompt>, BatchRecorder, Task>[] sends)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(sends);
        var scratch = Scratch();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var send in sends)
            {
                await SendAsync(scratch, prompts, send, tolerateFailures: false);
            }
        }
    }

    /// <summary>
    /// Sends batches until their cost settles: at least <paramref name="minRounds"/>, at most <paramref name="maxRounds"/>,
    /// stopping once the last two each cost at most 1.3 times the cheapest plus <paramref name="slack"/> (early on, the
    /// cheapest is still high). <paramref name="measure"/> runs one batch and returns its cost. Returns every batch's cost.
    /// </summary>
    public static async Task<IReadOnlyList<double>> UntilSettledAsync(int minRounds, int maxRounds, double slack, Func<Task<double>> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var costs = new List<double>();
        while (costs.Count < maxRounds)
        {
            costs.Add(await measure());
            var settled = (costs.Min() * 1.3) + slack;
            if (costs.Count >= Math.Max(minRounds, 2) && costs[^1] <= settled && costs[^2] <= settled)
            {
                break;
            }
        }

        return costs;
    }

    /// <summary>One unmeasured batch, for <see cref="UntilSettledAsync"/>'s measure.</summary>
    public static Task SendAsync(IReadOnlyList<PlannedPrompt> prompts, Func<IReadOnlyList<PlannedPrompt>, BatchRecorder, Task> send) =>
        SendAsync(Scratch(), prompts, send, tolerateFailures: false);

    private static async Task SendAsync(RecordLog scratch, IReadOnlyList<PlannedPrompt> prompts, Func<IReadOnlyList<PlannedPrompt>, BatchRecorder, Task> send, bool tolerateFailures)
    {
        ArgumentNullException.ThrowIfNull(send);
        var batch = scratch.Begin(prompts.Count);
        await send(prompts, batch);
        batch.Complete(failuresAreTheResult: tolerateFailures);
    }

    private static RecordLog Scratch() =>
        new(Path.Combine(Path.GetTempPath(), "chatbench-warm-up"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
