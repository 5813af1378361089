namespace ChatBench.Stubs.Latency;

/// <summary>
/// The due-time scheduler's next step towards its earliest due wait, from the time left and the waits queued. Measured
/// on the reference machine (a virtual machine whose idle cores halt): <see cref="Monitor.Wait(object, int)"/> for
/// 49 ms ends about 0.2 ms late at the median, for 489 ms 0.3-0.5 ms, now and then a few milliseconds
/// (results/floor/monitor-wait.md); a sub-millisecond sleep some tens of microseconds. So a lonely wait (a request or a few at a time, where accuracy is the point and CPU is idle) blocks
/// until <see cref="LonelyBlockMargin"/> before its due time, sleeps until a short last sleep is left, sleeps that, and
/// spins <see cref="SpinWindow"/>. Under load nothing spins (spinning costs CPU per due time, which a stub-cost
/// measurement at a thousand in flight would pay) and the blocks end at most a millisecond early.
/// </summary>
internal readonly record struct WaitStep(WaitStepKind Kind, TimeSpan Duration)
{
    /// <summary>At most this many waits queued count as lonely.</summary>
    public const int LonelyAtMost = 4;

    /// <summary>How long a lonely wait spins before its due time.</summary>
    public static readonly TimeSpan SpinWindow = TimeSpan.FromMicroseconds(200);

    /// <summary>The last sleep before the spin: short enough to wake on time.</summary>
    public static readonly TimeSpan LastSleep = TimeSpan.FromMicroseconds(300);

    /// <summary>How long before its due time a lonely wait's block ends at the latest, so a late wake-up still is early.</summary>
    public static readonly TimeSpan LonelyBlockMargin = TimeSpan.FromMilliseconds(2);

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    public static WaitStep For(TimeSpan remaining, int queued)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return new(WaitStepKind.Due, TimeSpan.Zero);
        }

        if (queued > LonelyAtMost)
        {
            // Whole milliseconds rounded down, so the block ends at most a millisecond early; the sleep does the rest.
            return remaining < OneMillisecond
                ? new(WaitStepKind.Sleep, remaining)
                : new(WaitStepKind.Block, TimeSpan.FromMilliseconds(Math.Floor(remaining.TotalMilliseconds)));
        }

        var beforeSpin = remaining - SpinWindow;
        if (beforeSpin <= TimeSpan.Zero)
        {
            return new(WaitStepKind.Spin, remaining);
        }

        if (beforeSpin <= LastSleep)
        {
            return new(WaitStepKind.Sleep, beforeSpin);
        }

        var blockable = remaining - LonelyBlockMargin;
        return blockable < OneMillisecond
            ? new(WaitStepKind.Sleep, beforeSpin - LastSleep)
            : new(WaitStepKind.Block, TimeSpan.FromMilliseconds(Math.Floor(blockable.TotalMilliseconds)));
    }
}
