using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One open-loop request: a stream whose latencies count from its scheduled send, with its send lag and, from a stub
/// with finite capacity, its queue wait. The expected times (the stub's truth) add the lag and the queue wait to the
/// stub's plan, so measured minus expected stays the harness's own error under load.
/// </summary>
public static class OpenLoopCall
{
    public static async Task SendAsync(ChatClient client, PlannedPrompt prompt, BatchRecorder batch, double scheduledMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lag = OpenLoopGenerator.Lag(batch, scheduledMs);
        var truth = StubTruth.Capture();
        var record = await StreamingChatCall.StreamAsync(client, prompt, batch, scheduledMs);
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
