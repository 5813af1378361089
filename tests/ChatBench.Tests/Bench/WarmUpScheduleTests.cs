using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>The open-loop warm-up sends enough requests for the JIT at a low rate, within its seconds, and no more than the rate to a live endpoint.</summary>
public sealed class WarmUpScheduleTests
{
    [Fact]
    public void A_low_rate_warm_up_sends_the_first_requests_compressed_into_its_seconds()
    {
        var schedule = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 30, 20, 1);

        var warm = OpenLoopGenerator.WarmUpSchedule(schedule, 1, OpenLoopGenerator.WarmUpRequests);

        Assert.Equal(OpenLoopGenerator.WarmUpRequests, warm.Count);
        Assert.All(warm, at => Assert.InRange(at, 0, 1000));
        Assert.Equal(warm.Order(), warm);
    }

    [Fact]
    public void A_high_rate_warm_up_is_the_schedule_first_seconds_unchanged()
    {
        var schedule = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 1000, 3, 1);

        var warm = OpenLoopGenerator.WarmUpSchedule(schedule, 1, OpenLoopGenerator.WarmUpRequests);

        Assert.Equal(schedule.TakeWhile(at => at < 1000), warm);
    }

    [Fact]
    public void A_live_warm_up_is_the_first_second_at_the_offered_rate_once()
    {
        var schedule = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 5, 10, 1);

        var warm = OpenLoopGenerator.WarmUpSchedule(schedule, 1, 0);

        Assert.Equal(schedule.TakeWhile(at => at < 1000), warm);
        Assert.Equal(1, OpenLoopGenerator.WarmUpRounds(0));
    }
}
