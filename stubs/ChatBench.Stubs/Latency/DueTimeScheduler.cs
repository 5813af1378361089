using System.Diagnostics;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Ends waits at a <see cref="Stopwatch"/> timestamp, never before it and some tens of microseconds after it.
/// <see cref="Task.Delay(TimeSpan)"/> cannot: .NET's timers count in <see cref="Environment.TickCount64"/>, which on
/// Linux advances by the kernel tick (4 ms on a 250 Hz kernel), so a delay ends up to 4 ms late or even early. That
/// would be the largest error in every time to first token the stub serves. One thread sleeps in
/// <see cref="Monitor.Wait(object, int)"/> for the whole milliseconds until the earliest due time (rounding up made
/// every wait up to 1 ms late, 0.5 ms on average) and in <see cref="ShortSleep"/> for the rest. With only a few waits
/// queued it sleeps until <see cref="SpinWindow"/> before the due time and spins the rest: a sleeping core takes about
/// 0.1 ms to wake on the reference machine (a virtual machine halts idle cores), which was the stub's whole lateness.
/// </summary>
internal sealed class DueTimeScheduler
{
    // A plain object, not System.Threading.Lock: Monitor.Wait and Pulse need the object's monitor.
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    /// <summary>How long before a due time the thread wakes to spin, when it spins at all.</summary>
    private static readonly TimeSpan SpinWindow = TimeSpan.FromMicroseconds(200);

    /// <summary>
    /// Spinning costs up to <see cref="SpinWindow"/> of CPU per due time, so the scheduler spins only while this few
    /// waits are queued: one request or a few at a time, where the machine is otherwise idle and a stub-cost
    /// measurement (a thousand in flight) never spins.
    /// </summary>
    private const int SpinAtMostWaits = 4;

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
        while (true)
        {
            var rest = TimeSpan.Zero;
            var spinUntil = 0L;
            lock (gate)
            {
                while (true)
                {
                    if (!waits.TryPeek(out _, out var next))
                    {
                        earliest = long.MaxValue;
                        Monitor.Wait(gate);
                        continue;
                    }

                    earliest = next;
                    var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (remaining < OneMillisecond)
                    {
                        rest = remaining;
                        if (remaining > TimeSpan.Zero && waits.Count <= SpinAtMostWaits)
                        {
                            rest = remaining - SpinWindow;
                            spinUntil = rest > TimeSpan.Zero ? 0 : next;
                        }

                        break;
                    }

                    // Rounded down, so the wait ends at most a millisecond early and the short sleep does the rest; an
                    // earlier newcomer pulses the gate.
                    Monitor.Wait(gate, (int)remaining.TotalMilliseconds);
                }

                if (rest <= TimeSpan.Zero && spinUntil == 0)
                {
                    var now = Stopwatch.GetTimestamp();
                    while (waits.TryPeek(out _, out var at) && at <= now)
                    {
                        due.Add(waits.Dequeue());
                    }

                    earliest = waits.TryPeek(out _, out var following) ? following : long.MaxValue;
                }
            }

            if (spinUntil != 0)
            {
                // Outside the lock, like the short sleep; the loop then takes whatever is due, a newcomer included.
                while (Stopwatch.GetTimestamp() < spinUntil)
                {
                    Thread.SpinWait(20);
                }

                continue;
            }

            if (rest > TimeSpan.Zero)
            {
                // Outside the lock: a newcomer due even sooner waits at most this last fraction of a millisecond.
                ShortSleep.For(rest);
                continue;
            }

            CompleteDue();
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
