using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// One open-loop request: an SDK stream whose latencies count from its scheduled send, with its send lag and, from a
/// stub with finite capacity, its queue wait. The expected times (the stub's truth) add the lag and the queue wait to the
/// stub's plan, so measured minus expected stays the harness's own error under load.
/// </summary>
public sealed class OpenLoopCall(ChatClient client) : IChatCall
{
    private readonly SdkStreamingChatCall stream = new(client);

    /// <summary>A request scheduled for now: no send lag.</summary>
    public Task SendAsync(PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return SendAsync(prompt, batch, batch.Now());
    }

    /// <summary>A request scheduled for <paramref name="scheduledMs"/> (batch time), its latencies counted from then.</summary>
    public async Task SendAsync(PlannedPrompt prompt, BatchRecorder batch, double scheduledMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lag = OpenLoopGenerator.Lag(batch, scheduledMs);
        var truth = StubTruth.Capture();
        var record = await stream.StreamAsync(prompt, batch, scheduledMs);
        var queue = truth.QueueMs ?? 0;
        batch.Add(record with
        {
            SendLagMs = lag,
            StubQueueMs = truth.QueueMs,
            ExpectedTtftMs = lag + queue + (truth.TtftMs ?? record.ExpectedTtftMs),
            ExpectedTotalMs = lag + queue + (truth.ServiceMs ?? record.ExpectedTotalMs),
        });
    }
}
