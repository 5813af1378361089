namespace ChatBench.Tests.Stubs;

/// <summary>A clock that moves only when told, for time-to-live tests that must not sleep.</summary>
internal sealed class FakeClock : TimeProvider
{
    private long now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref now);

    public void Advance(TimeSpan by) => Interlocked.Add(ref now, by.Ticks);
}
