using System.Diagnostics;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Ends waits at a <see cref="Stopwatch"/> timestamp, never before it and some tens of microseconds after it.
/// <see cref="Task.Delay(TimeSpan)"/> cannot: .NET's timers count in <see cref="Environment.TickCount64"/>, which on
/// Linux advances by the kernel tick (4 ms on a 250 Hz kernel), so a delay ends up to 4 ms late or even early. That
/// would be the largest error in every time to first token the stub serves. One thread waits for the earliest due
/// time in the steps <see cref="WaitStep"/> chooses: blocking in <see cref="Monitor.Wait(object, int)"/> for whole
/// milliseconds, sleeping in <see cref="ShortSleep"/> for less, and after an idle block with only a few waits queued
/// spinning the last 0.2 ms, because a halted virtual CPU takes about 0.1 ms to wake.
/// </summary>
internal sealed class DueTimeScheduler
{
    // A plain object, not System.Threading.Lock: Monitor.Wait and Pulse need the object's monitor.
    private readonly object gate = new();
    private readonly PriorityQueue<TaskCompletionSource, long> waits = new();
    private readonly List<TaskCompletionSource> due = [];
    private long earliest = long.MaxValue;

    private DueTimeScheduler()
    {
        // One background thread for the process: it blocks while nothing waits and never keeps the process alive.
        new Thread(Run) { IsBackground = true, Name = "ChatBench due-time scheduler" }.Start();
    }

    public static DueTimeScheduler Shared { get; } = new();

    /// <summary>Completes at <paramref name="dueTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public async Task WaitUntilAsync(long dueTimestamp, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() >= dueTimestamp)
        {
            return;
        }

        // Continuations run where the scheduler completes the wait (see Run), not necessarily on the thread pool.
        var wait = new TaskCompletionSource();
        lock (gate)
        {
            waits.Enqueue(wait, dueTimestamp);
            if (dueTimestamp < earliest)
            {
                earliest = dueTimestamp;
                Monitor.Pulse(gate);
            }
        }

        using var registration = cancellation.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), wait);
        await wait.Task.ConfigureAwait(false);
    }

    private void Run()
    {
        ShortSleep.TightenTimerSlack();
        var afterIdleBlock = false;
        while (true)
        {
            WaitStep step;
            long next;
            lock (gate)
            {
                while (true)
                {
                    if (!waits.TryPeek(out _, out next))
                    {
                        earliest = long.MaxValue;
                        Monitor.Wait(gate);
                        afterIdleBlock = true;
                        continue;
                    }

                    earliest = next;
                    step = WaitStep.For(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next), waits.Count, afterIdleBlock);
                    if (step.Kind != WaitStepKind.Block)
                    {
                        break;
                    }

                    // An earlier newcomer pulses the gate.
                    Monitor.Wait(gate, (int)step.Duration.TotalMilliseconds);
                    afterIdleBlock = true;
                }

                if (step.Kind == WaitStepKind.Due)
                {
                    var now = Stopwatch.GetTimestamp();
                    while (waits.TryPeek(out _, out var at) && at <= now)
                    {
                        due.Add(waits.Dequeue());
                    }

                    earliest = waits.TryPeek(out _, out var following) ? following : long.MaxValue;
                }
            }

            // Outside the lock: a newcomer due even sooner waits at most this sleep or spin, then the loop looks again.
            switch (step.Kind)
            {
                case WaitStepKind.Spin:
                    while (Stopwatch.GetTimestamp() < next)
                    {
                        Thread.SpinWait(20);
                    }

                    break;
                case WaitStepKind.Sleep:
                    ShortSleep.For(step.Duration);
                    break;
                default:
                    CompleteDue();
                    afterIdleBlock = false;
                    break;
            }
        }
    }

    /// <summary>
    /// The first due wait continues on this thread: its bytes go out without waiting for a pool thread to wake (tens
    /// to hundreds of microseconds on a busy machine). The others, due at the same moment, go to the pool, so that one
    /// thread does not write a whole burst of answers in turn while the next due time passes.
    /// </summary>
    private void CompleteDue()
    {
        for (var i = 1; i < due.Count; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static wait => wait.TrySetResult(), due[i], preferLocal: false);
        }

        if (due.Count > 0)
        {
            due[0].TrySetResult();
        }

        due.Clear();
    }
}
