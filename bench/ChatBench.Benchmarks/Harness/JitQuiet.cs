using System.Diagnostics;
using System.Runtime;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Waits until the JIT has stopped compiling: after a warm-up, tiered compilation still promotes the hot methods to
/// optimized code on a background thread for a while (about 100 ms after their 30th call, then again after
/// instrumentation), and a single measured iteration that starts during it pays seconds of JIT in its CPU time
/// (measured: 1.1-1.7 s in an 8-second open-loop run at 30 req/s). Waiting sends nothing, so no request budget changes.
/// </summary>
public static class JitQuiet
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The wait after a warm-up: 300 ms without a compilation (the background promotions of one warm-up come within
    /// 100-200 ms of each other), at most 5 s.
    /// </summary>
    public static TimeSpan AfterWarmUp() => Wait(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));

    /// <summary>Returns once no method was compiled for <paramref name="quietFor"/>, or after <paramref name="atMost"/>; returns how long it waited.</summary>
    public static TimeSpan Wait(TimeSpan quietFor, TimeSpan atMost)
    {
        var clock = Stopwatch.StartNew();
        var count = JitInfo.GetCompiledMethodCount();
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < atMost && clock.Elapsed - quietSince < quietFor)
        {
            Thread.Sleep(Poll);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != count)
            {
                count = now;
                quietSince = clock.Elapsed;
            }
        }

        return clock.Elapsed;
    }
}
