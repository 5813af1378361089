using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// Sends requests at their scheduled times, whatever the earlier ones are doing (an open loop). One dedicated thread
/// keeps the schedule: it sleeps while the next send is a millisecond or more away, yields for the rest, and hands
/// each request to the thread pool at its time, so a slow request never delays the next. Each send is told its
/// scheduled time; latency is measured from it, so a client that falls behind shows it as latency (no coordinated
/// omission). An optional cap on requests in flight holds a request back, and its wait counts in its latency too.
/// </summary>
public static class OpenLoopGenerator
{
    /// <param name="offsetsMs">Send times from the batch's start, ascending.</param>
    /// <param name="send">Sends request <c>i</c>, scheduled at the given batch time; the lag is its own to measure.</param>
    public static async Task RunAsync(IReadOnlyList<double> offsetsMs, BatchRecorder batch, Func<int, double, Task> send, int? maxInFlight = null)
    {
        ArgumentNullException.ThrowIfNull(offsetsMs);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(send);
        var tasks = new Task[offsetsMs.Count];
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cap = maxInFlight is { } k ? new SemaphoreSlim(k) : null;
        var clock = new Thread(() =>
        {
            for (var i = 0; i < offsetsMs.Count; i++)
            {
                var (index, due) = (i, offsetsMs[i]);
                WaitUntil(batch, due);
                tasks[i] = Task.Run(() => cap is null ? send(index, due) : CappedAsync(cap, () => send(index, due)));
            }

            scheduled.SetResult();
        })
        {
            IsBackground = true,
            Name = "ChatBench open-loop schedule",
            Priority = ThreadPriority.AboveNormal,
        };
        clock.Start();
        await scheduled.Task;
        await Task.WhenAll(tasks);
    }

    private static async Task CappedAsync(SemaphoreSlim cap, Func<Task> send)
    {
        await cap.WaitAsync();
        try
        {
            await send();
        }
        finally
        {
            cap.Release();
        }
    }

    /// <summary>Sleeps (exact to about 0.1 ms on Linux) while a millisecond or more remains, then yields the rest.</summary>
    private static void WaitUntil(BatchRecorder batch, double dueMs)
    {
        while (dueMs - batch.Now() is var remaining && remaining > 0)
        {
            if (remaining >= 1.5)
            {
                Thread.Sleep((int)(remaining - 0.5));
            }
            else if (!Thread.Yield())
            {
                Thread.SpinWait(20);
            }
        }
    }

    /// <summary>How far behind its schedule a send ran, for records: never negative.</summary>
    public static double Lag(BatchRecorder batch, double scheduledMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Math.Max(0, batch.Now() - scheduledMs);
    }
}
