using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// Waits for a <see cref="Stopwatch"/> timestamp without spinning. On Linux the thread sleeps in
/// <c>clock_nanosleep</c> on the monotonic clock the Stopwatch reads, to the absolute deadline, with the thread's timer
/// slack set to 1 ns (the default 50 us would be added to every wake-up): one wake-up per send, tens of microseconds
/// late on an idle machine. Elsewhere it sleeps whole milliseconds and yields the last one.
/// </summary>
public static partial class ScheduleClock
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const int Interrupted = 4;
    private const int SetTimerSlack = 29;
    private const int PriorityOfProcess = 0;
    private const int SenderNice = -10;
    private const int Normal = 0;
    private const int FirstInFirstOut = 1;
    private const int ResetOnFork = 0x40000000;
    private const int SenderRealtimePriority = 10;

    private static readonly bool Native = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    /// <summary>
    /// Makes the calling thread's sleeps end at their deadline (Linux: timer slack 1 ns) and, where the process may
    /// (root or <c>CAP_SYS_NICE</c>), puts the thread in the real-time class (<c>SCHED_FIFO</c>, priority 10), so a waking
    /// sender runs at once instead of waiting for a core that the process's own pool threads or the stub hold; failing
    /// that, nice -10 (measured: 4 ms deadlines beside two threads busy on both cores, machine load 13-17: p99 late
    /// 40-135 ms at nice 0, 16-63 ms at -10). Only the senders, which sleep between sends and run a request's synchronous
    /// start, are raised: the runtime starts its threads (pool workers, the JIT's, the socket engine's) in the ordinary
    /// class even when a sender needs them first (measured: a thread a raised sender starts has policy 0, nice 0), and
    /// <c>SCHED_RESET_ON_FORK</c> keeps it so for any thread created otherwise, nice -10 included. Call once on the
    /// sending thread; without the permission the thread stays as it is.
    /// </summary>
    public static void PrepareThread()
    {
        if (Native)
        {
            _ = SetThreadOption(SetTimerSlack, 1, 0, 0, 0);
            var thread = ThreadId();
            if (SetScheduler(thread, FirstInFirstOut | ResetOnFork, new SchedulingParameter(SenderRealtimePriority)) != 0)
            {
                // The flag needs no permission; with it a raised nice is not passed on either.
                _ = SetScheduler(thread, Normal | ResetOnFork, new SchedulingParameter(0));
                _ = SetPriority(PriorityOfProcess, thread, SenderNice);
            }
        }
    }

    /// <summary>Returns at or just after <paramref name="dueTimestamp"/>; at once if it has passed.</summary>
    public static void WaitUntil(long dueTimestamp)
    {
        if (Native)
        {
            var deadline = new TimeSpec(dueTimestamp / 1_000_000_000, dueTimestamp % 1_000_000_000);
            while (ClockNanosleep(ClockMonotonic, AbsoluteTime, in deadline, IntPtr.Zero) == Interrupted)
            {
            }

            return;
        }

        while (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueTimestamp).TotalMilliseconds is var remaining && remaining > 0)
        {
            if (remaining >= 1.5)
            {
                Thread.Sleep((int)(remaining - 0.5));
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int SetThreadOption(int option, nuint value, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int thread, int policy, in SchedulingParameter parameter);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int ThreadId();

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct SchedulingParameter(int Priority);
}
