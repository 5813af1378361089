using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>How the stub's scheduler waits: lonely waits block early, sleep short and spin last; busy ones never spin.</summary>
public sealed class WaitStepTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void A_lonely_long_wait_blocks_until_two_to_three_milliseconds_before_its_due_time()
    {
        var step = WaitStep.For(Ms(49.6), queued: 1);

        Assert.Equal(new WaitStep(WaitStepKind.Block, Ms(47)), step);
    }

    [Fact]
    public void A_lonely_wait_sleeps_then_sleeps_short_then_spins_the_last_200_microseconds()
    {
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(2.0)), WaitStep.For(Ms(2.5), queued: 1));
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.25)), WaitStep.For(Ms(0.45), queued: 1));
        Assert.Equal(new WaitStep(WaitStepKind.Spin, Ms(0.15)), WaitStep.For(Ms(0.15), queued: 4));
    }

    [Fact]
    public void Under_load_a_wait_blocks_to_the_millisecond_rounded_down_sleeps_the_rest_and_never_spins()
    {
        Assert.Equal(new WaitStep(WaitStepKind.Block, Ms(49)), WaitStep.For(Ms(49.6), queued: 5));
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.15)), WaitStep.For(Ms(0.15), queued: 1000));
    }

    [Fact]
    public void A_wait_whose_time_has_come_is_due()
    {
        Assert.Equal(WaitStepKind.Due, WaitStep.For(TimeSpan.Zero, queued: 1).Kind);
        Assert.Equal(WaitStepKind.Due, WaitStep.For(Ms(-3), queued: 1000).Kind);
    }
}
