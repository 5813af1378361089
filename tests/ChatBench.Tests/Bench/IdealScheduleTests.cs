using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Tests.Bench;

public sealed class IdealScheduleTests
{
    private static readonly double[] Latencies = [5, 3, 8, 2, 4];

    [Fact]
    public void Sequential_ideal_is_the_sum_of_the_latencies() =>
        Assert.Equal(22, IdealSchedule.Makespan(Latencies, ScheduleKind.Sequential));

    [Fact]
    public void Unbounded_ideal_is_the_slowest_request() =>
        Assert.Equal(8, IdealSchedule.Makespan(Latencies, ScheduleKind.Unbounded));

    [Fact]
    public void Two_workers_take_requests_in_order_as_each_becomes_free()
    {
        // A: 5 (0-5); B: 3 (0-3); B takes 8 (3-11); A takes 2 (5-7); A takes 4 (7-11). The last worker ends at 11.
        Assert.Equal(11, IdealSchedule.Makespan(Latencies, ScheduleKind.Bounded, workers: 2));
    }

    [Fact]
    public void Three_workers_schedule_matches_the_hand_computed_makespan()
    {
        // A: 5 (0-5); B: 3 (0-3); C: 8 (0-8); B takes 2 (3-5); A and B free at 5, A takes 4 (5-9). Ends at 9.
        Assert.Equal(9, IdealSchedule.Makespan(Latencies, ScheduleKind.Bounded, workers: 3));
    }

    [Fact]
    public void One_worker_is_sequential_and_enough_workers_are_unbounded()
    {
        Assert.Equal(22, IdealSchedule.Makespan(Latencies, ScheduleKind.Bounded, workers: 1));
        Assert.Equal(8, IdealSchedule.Makespan(Latencies, ScheduleKind.Bounded, workers: 5));
        Assert.Equal(8, IdealSchedule.Makespan(Latencies, ScheduleKind.Bounded, workers: 100));
    }

    [Fact]
    public void An_empty_batch_takes_no_time() =>
        Assert.Equal(0, IdealSchedule.Makespan([], ScheduleKind.Bounded, workers: 4));
}
