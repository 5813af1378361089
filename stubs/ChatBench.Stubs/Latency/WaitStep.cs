namespace ChatBench.Stubs.Latency;

/// <summary>
/// The due-time scheduler's next step towards its earliest due wait. Measured on the reference machine, a virtual
/// machine whose idle cores halt: <see cref="Monitor.Wait(object, int)"/> for 49 ms ends about 0.2 ms late at the
/// median, for 489 ms 0.3-0.5 ms, now and then a few milliseconds (results/floor/monitor-wait.md); a short sleep some
/// tens of microseconds. So a lonely wait (at most <see cref="LonelyAtMost"/> queued: a request or a few at a time)
/// blocks until about 2 ms before its due time, and after such an idle block it sleeps in short steps and spins the
/// last <see cref="SpinWindow"/>. Dense due times (a stream's tokens, many requests) never spin, so the stub does not
/// burn a core the measured client needs. No sleep is longer than <see cref="MaxSleep"/>, because a newcomer due
/// sooner cannot wake a sleep, only a block.
/// </summary>
internal readonly record struct WaitStep(WaitStepKind Kind, TimeSpan Duration)
{
    /// <summary>At most this many waits queued count as lonely.</summary>
    public const int LonelyAtMost = 4;

    /// <summary>How long a wait spins before its due time after an idle block.</summary>
    public static readonly TimeSpan SpinWindow = TimeSpan.FromMicroseconds(200);

    /// <summary>The longest sleep: how late a newcomer due sooner can be at most, plus one wake-up.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMicroseconds(500);

    /// <summary>How long before its due time a lonely wait's block ends at the latest, so a late wake-up is usually still early.</summary>
    public static readonly TimeSpan LonelyBlockMargin = TimeSpan.FromMilliseconds(2);

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    /// <param name="remaining">Time until the earliest due wait.</param>
    /// <param name="queued">Waits queued, that one included.</param>
    /// <param name="afterIdleBlock">Whether the thread has blocked since it last completed a wait (its core may have halted).</param>
    public static WaitStep For(TimeSpan remaining, int queued, bool afterIdleBlock)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return new(WaitStepKind.Due, TimeSpan.Zero);
        }

        // Whole milliseconds rounded down: under load the block ends at most a millisecond early, a lonely one 2-3 ms.
        var margin = queued <= LonelyAtMost ? LonelyBlockMargin : TimeSpan.Zero;
        if (remaining - margin >= OneMillisecond)
        {
            return new(WaitStepKind.Block, TimeSpan.FromMilliseconds(Math.Floor((remaining - margin).TotalMilliseconds)));
        }

        var spin = queued <= LonelyAtMost && afterIdleBlock;
        if (spin && remaining <= SpinWindow)
        {
            return new(WaitStepKind.Spin, remaining);
        }

        var sleep = spin ? remaining - SpinWindow : remaining;
        return new(WaitStepKind.Sleep, sleep < MaxSleep ? sleep : MaxSleep);
    }
}
