using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// Sends requests at their scheduled times, whatever the earlier ones are doing (an open loop). <see cref="Senders"/>
/// dedicated threads keep the schedule: each sleeps until its next send's time (<see cref="ScheduleClock"/>: no
/// spinning, so a waiting generator costs next to no CPU) and starts the request itself, up to the request's first
/// wait, so a busy thread pool cannot delay the send; the rest of each request runs on the pool, so a slow request
/// never delays the next. Each send is told its scheduled time; latency is measured from it, so a client that falls
/// behind shows it as latency (no coordinated omission). An optional cap on requests in flight holds a request back,
/// and its wait counts in its latency too.
/// </summary>
public static class OpenLoopGenerator
{
    /// <summary>Seconds of a schedule sent unmeasured before the measured run, so the measured run is the warm one.</summary>
    public const double WarmUpSecondsDefault = 1;

    /// <summary>The fewest requests a warm-up round sends, so that tiered compilation sees every per-request method called often enough.</summary>
    public const int WarmUpRequests = 200;

    /// <summary>
    /// Rounds of the warm-up schedule: three with <see cref="WarmUpRequests"/> (at 30 req/s, the rounds compiled 777,
    /// 249, 243, 11 and 32 methods, and each JIT wait after them found 1,512, 1,010, then none), one for a live endpoint.
    /// </summary>
    public static int WarmUpRounds(int atLeast) => atLeast > 0 ? 3 : 1;

    /// <summary>The fewest requests a warm-up round sends to a target of this kind: a live endpoint's is its schedule's first seconds, never more than the rate it was offered.</summary>
    public static int WarmUpAtLeast(TargetKind target) => target == TargetKind.Stub ? WarmUpRequests : 0;

    /// <summary>Requests the warm-up sends over all its rounds: what a request budget counts for setup.</summary>
    public static int WarmUpSends(IReadOnlyList<double> offsetsMs, double seconds, int atLeast) =>
        WarmUpSchedule(offsetsMs, seconds, atLeast).Count * WarmUpRounds(atLeast);

    /// <summary>
    /// Threads keeping the schedule. Each takes the next request, sleeps until its time and starts it, so while one is
    /// still in a request's synchronous start (the SDK builds and writes it: a few hundred microseconds) the next
    /// request's time is kept by another.
    /// </summary>
    public const int Senders = 4;

    /// <param name="offsetsMs">Send times from the batch's start, ascending.</param>
    /// <param name="send">Sends request <c>i</c>, scheduled at the given batch time; the lag is its own to measure.</param>
    public static async Task RunAsync(IReadOnlyList<double> offsetsMs, BatchRecorder batch, Func<int, double, Task> send, int? maxInFlight = null)
    {
        ArgumentNullException.ThrowIfNull(offsetsMs);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(send);
        var tasks = new Task[offsetsMs.Count];
        var next = -1;
        var senders = Senders;
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cap = maxInFlight is { } k ? new SemaphoreSlim(k) : null;
        void Keep()
        {
            ScheduleClock.PrepareThread();
            while (Interlocked.Increment(ref next) is var index && index < offsetsMs.Count)
            {
                var due = offsetsMs[index];
                ScheduleClock.WaitUntil(batch.Timestamp(due));
                tasks[index] = Start(() => cap is null ? send(index, due) : CappedAsync(cap, () => send(index, due)));
            }

            if (Interlocked.Decrement(ref senders) == 0)
            {
                scheduled.SetResult();
            }
        }

        for (var i = 0; i < Senders; i++)
        {
            new Thread(Keep) { IsBackground = true, Name = "ChatBench open-loop schedule" }.Start();
        }

        await scheduled.Task;
        await Task.WhenAll(tasks);
    }

    /// <summary>
    /// Sends <see cref="WarmUpSchedule"/> and throws it away (connections opened, the whole path compiled), each time
    /// waiting until the JIT has finished promoting what it sent to optimized code, <see cref="WarmUpRounds"/> times:
    /// the measured run is the warm one and its CPU time is the generator's and the requests', not the compiler's.
    /// </summary>
    public static Task WarmUpAsync(IReadOnlyList<double> offsetsMs, double seconds, int atLeast, Func<BatchRecorder, int, double, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return WarmUpWithAsync(offsetsMs, seconds, atLeast, (warm, batch) => RunAsync(warm, batch, (i, at) => send(batch, i, at)));
    }

    /// <summary>The same warm-up rounds with another sender of a whole schedule (the floor's), so both warm up alike.</summary>
    public static async Task WarmUpWithAsync(IReadOnlyList<double> offsetsMs, double seconds, int atLeast, Func<IReadOnlyList<double>, BatchRecorder, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var directory = Directory.CreateTempSubdirectory("chatbench-warm-up-");
        try
        {
            var warm = WarmUpSchedule(offsetsMs, seconds, atLeast);
            for (var round = 0; round < WarmUpRounds(atLeast); round++)
            {
                await run(warm, new RecordLog(directory.FullName, "warm-up").Begin(warm.Count));
                JitQuiet.AfterWarmUp();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The warm-up's send times: the schedule's first <paramref name="seconds"/>, or its first
    /// <paramref name="atLeast"/> sends compressed into them when that is more (a low rate's first second calls each
    /// method too few times for the JIT to optimize it; <see cref="WarmUpRequests"/> is enough). A live endpoint is
    /// given 0, so it never sees more than the rate it was offered.
    /// </summary>
    public static IReadOnlyList<double> WarmUpSchedule(IReadOnlyList<double> offsetsMs, double seconds, int atLeast)
    {
        ArgumentNullException.ThrowIfNull(offsetsMs);
        var limitMs = seconds * 1000;
        var count = Math.Max(offsetsMs.TakeWhile(at => at < limitMs).Count(), Math.Min(atLeast, offsetsMs.Count));
        var squeeze = count > 0 && offsetsMs[count - 1] >= limitMs ? limitMs / (offsetsMs[count - 1] + 1) : 1;
        return offsetsMs.Take(count).Select(at => at * squeeze).ToList();
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

    /// <summary>How far behind its schedule a send ran, for records: never negative.</summary>
    public static double Lag(BatchRecorder batch, double scheduledMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Math.Max(0, batch.Now() - scheduledMs);
    }
}
