using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Sleeps to the microsecond, which no managed wait can: their timeouts are whole milliseconds. On Linux it
/// is <c>nanosleep</c>, and <see cref="TightenTimerSlack"/> stops the kernel from deferring the calling thread's
/// timed wake-ups by up to 50 us (its default timer slack) to batch them. Elsewhere it spins, yielding the core.
/// </summary>
internal static partial class ShortSleep
{
    private const int PrSetTimerSlack = 29;

    /// <summary>Makes the calling thread's timed waits (this sleep and <see cref="Monitor.Wait(object, int)"/>) end on time.</summary>
    public static void TightenTimerSlack()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetTimerSlack(PrSetTimerSlack, 1, 0, 0, 0);
        }
    }

    /// <summary>Sleeps for <paramref name="duration"/>, meant to be a few milliseconds at most.</summary>
    public static void For(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            var request = new Timespec { Seconds = 0, Nanoseconds = (long)(duration.Ticks * 100) };
            _ = NanoSleep(ref request, IntPtr.Zero);
            return;
        }

        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.Yield();
        }
    }

    [DllImport("libc", EntryPoint = "nanosleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NanoSleep(ref Timespec request, IntPtr remaining);

    [DllImport("libc", EntryPoint = "prctl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetTimerSlack(int option, ulong slackNanoseconds, ulong unused3, ulong unused4, ulong unused5);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
