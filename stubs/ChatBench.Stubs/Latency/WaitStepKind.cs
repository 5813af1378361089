namespace ChatBench.Stubs.Latency;

/// <summary>How the due-time scheduler spends the time until its earliest due wait (see <see cref="WaitStep"/>).</summary>
internal enum WaitStepKind
{
    /// <summary>The wait is due: complete it.</summary>
    Due,

    /// <summary>Busy-wait to the due time: the core stays awake.</summary>
    Spin,

    /// <summary>Sleep in <see cref="ShortSleep"/>, to the microsecond; a newcomer due sooner waits for it to end.</summary>
    Sleep,

    /// <summary>Block in <see cref="Monitor.Wait(object, int)"/> for whole milliseconds; a newcomer due sooner wakes it.</summary>
    Block,
}
