using System.Diagnostics;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Ends waits at a <see cref="Stopwatch"/> timestamp, never before it and about a tenth of a millisecond after it.
/// <see cref="Task.Delay(TimeSpan)"/> cannot: .NET's timers count in <see cref="Environment.TickCount64"/>, which on
/// Linux advances by the kernel tick (4 ms on a 250 Hz kernel), so a delay ends up to 4 ms late or even early. That
/// would be the largest error in every time to first token the stub serves. One thread sleeps in
/// <see cref="Monitor.Wait(object, int)"/>, whose timeout is exact to the millisecond, until the earliest due time.
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

        // Continuations go to the thread pool: the scheduler thread only keeps time.
        var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
        while (true)
        {
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
                    if (remaining <= TimeSpan.Zero)
                    {
                        break;
                    }

                    // Rounded up, so a wait never ends early; an earlier newcomer pulses the gate.
                    Monitor.Wait(gate, (int)Math.Ceiling(remaining.TotalMilliseconds));
                }

                var now = Stopwatch.GetTimestamp();
                while (waits.TryPeek(out _, out var at) && at <= now)
                {
                    due.Add(waits.Dequeue());
                }

                earliest = waits.TryPeek(out _, out var following) ? following : long.MaxValue;
            }

            foreach (var wait in due)
            {
                wait.TrySetResult();
            }

            due.Clear();
        }
    }
}
