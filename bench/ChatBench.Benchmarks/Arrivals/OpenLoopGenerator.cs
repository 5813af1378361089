using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// Sends requests at their scheduled times, whatever the earlier ones are doing (an open loop). One dedicated thread
/// keeps the schedule: it sleeps while the next send is a millisecond or more away, yields for the rest, and starts
/// each request itself at its time, up to the request's first wait, so a busy thread pool cannot delay the send; the
/// rest of each request runs on the pool, so a slow request never delays the next. Each send is told its
/// scheduled time; latency is measured from it, so a client that falls behind shows it as latency (no coordinated
/// omission). An optional cap on requests in flight holds a request back, and its wait counts in its latency too.
/// </summary>
public static class OpenLoopGenerator
{
    /// <summary>Seconds of a schedule sent unmeasured before the measured run, so the measured run is the warm one.</summary>
    public const double WarmUpSecondsDefault = 1;

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
                tasks[i] = Start(() => cap is null ? send(index, due) : CappedAsync(cap, () => send(index, due)));
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

    /// <summary>
    /// The first <paramref name="seconds"/> of a schedule, sent and thrown away: connections opened and the whole path
    /// compiled, so the measured run is not the cold one.
    /// </summary>
    public static async Task WarmUpAsync(IReadOnlyList<double> offsetsMs, double seconds, Func<BatchRecorder, int, double, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var directory = Directory.CreateTempSubdirectory("chatbench-warm-up-");
        try
        {
            var warm = offsetsMs.TakeWhile(at => at < seconds * 1000).ToList();
            var batch = new RecordLog(directory.FullName, "warm-up").Begin(warm.Count);
            await RunAsync(warm, batch, (i, at) => send(batch, i, at));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A send that throws before its first wait fails its own task, never the schedule.</summary>
    private static Task Start(Func<Task> send)
    {
        try
        {
            return send();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromException(e);
        }
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
