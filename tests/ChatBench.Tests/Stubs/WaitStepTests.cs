using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>How the stub's scheduler waits: lonely waits block early, sleep in short steps and spin after idle; dense ones never spin.</summary>
public sealed class WaitStepTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void A_lonely_long_wait_blocks_until_two_to_three_milliseconds_before_its_due_time()
    {
        Assert.Equal(new WaitStep(WaitStepKind.Block, Ms(47)), WaitStep.For(Ms(49.6), queued: 1, afterIdleBlock: false));
        Assert.Equal(new WaitStep(WaitStepKind.Block, Ms(1)), WaitStep.For(Ms(3.0), queued: 4, afterIdleBlock: true));
    }

    [Fact]
    public void After_an_idle_block_a_lonely_wait_sleeps_half_a_millisecond_at_a_time_then_spins_the_last_200_microseconds()
    {
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.5)), WaitStep.For(Ms(2.9), queued: 1, afterIdleBlock: true));
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.25)), WaitStep.For(Ms(0.45), queued: 1, afterIdleBlock: true));
        Assert.Equal(new WaitStep(WaitStepKind.Spin, Ms(0.2)), WaitStep.For(Ms(0.2), queued: 4, afterIdleBlock: true));
    }

    [Fact]
    public void Dense_due_times_such_as_a_streams_tokens_never_spin_and_never_sleep_longer_than_half_a_millisecond()
    {
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.5)), WaitStep.For(Ms(1.2), queued: 1, afterIdleBlock: false));
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.15)), WaitStep.For(Ms(0.15), queued: 1, afterIdleBlock: false));
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.15)), WaitStep.For(Ms(0.15), queued: 1000, afterIdleBlock: true));
    }

    [Fact]
    public void Under_load_a_wait_blocks_to_the_millisecond_rounded_down_and_sleeps_the_rest()
    {
        Assert.Equal(new WaitStep(WaitStepKind.Block, Ms(49)), WaitStep.For(Ms(49.6), queued: 5, afterIdleBlock: true));
        Assert.Equal(new WaitStep(WaitStepKind.Block, Ms(1)), WaitStep.For(Ms(1.0), queued: 5, afterIdleBlock: false));
        Assert.Equal(new WaitStep(WaitStepKind.Sleep, Ms(0.5)), WaitStep.For(Ms(0.9), queued: 5, afterIdleBlock: false));
    }

    [Fact]
    public void A_wait_whose_time_has_come_is_due()
    {
        Assert.Equal(WaitStepKind.Due, WaitStep.For(TimeSpan.Zero, queued: 1, afterIdleBlock: true).Kind);
        Assert.Equal(WaitStepKind.Due, WaitStep.For(Ms(-3), queued: 1000, afterIdleBlock: false).Kind);
    }
}
