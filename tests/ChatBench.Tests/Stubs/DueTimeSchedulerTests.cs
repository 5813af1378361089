using System.Diagnostics;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub's clock: waits end at their due time, never before it, and far closer to it than Task.Delay's.</summary>
public sealed class DueTimeSchedulerTests
{
    [Fact]
    public async Task Waits_never_end_early_and_end_within_two_milliseconds_at_the_median()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var origin = Stopwatch.GetTimestamp();

        // Scheduled latest first, as a stub's streams schedule tokens out of order.
        var dues = Enumerable.Range(0, 60).Select(i => origin + Stopwatch.Frequency * (20 + (i * 7 % 60)) / 1000).Reverse().ToList();
        var lateness = await Task.WhenAll(dues.Select(async due =>
        {
            await DueTimeScheduler.Shared.WaitUntilAsync(due, cancellation);
            return Stopwatch.GetElapsedTime(due, Stopwatch.GetTimestamp());
        }));

        Assert.All(lateness, late => Assert.True(late >= TimeSpan.Zero, $"a wait ended {-late.TotalMilliseconds:F3} ms early"));

        // Task.Delay's median here is about 2.5 ms: .NET timers tick with the kernel's 4 ms jiffies on this machine.
        var median = lateness.Order().ElementAt(lateness.Length / 2);
        Assert.True(median < TimeSpan.FromMilliseconds(2), $"median lateness {median.TotalMilliseconds:F2} ms");
    }

    [Fact]
    public async Task An_earlier_wait_is_not_held_up_by_a_later_one_scheduled_before_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var start = Stopwatch.GetTimestamp();
        var later = DueTimeScheduler.Shared.WaitUntilAsync(start + (Stopwatch.Frequency * 2), cancellation);
        await DueTimeScheduler.Shared.WaitUntilAsync(start + (Stopwatch.Frequency / 50), cancellation);

        Assert.InRange(Stopwatch.GetElapsedTime(start), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500));
        Assert.False(later.IsCompleted);
        await later;
        Assert.True(Stopwatch.GetElapsedTime(start) >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once_with_an_OperationCanceledException()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var start = Stopwatch.GetTimestamp();
        var wait = DueTimeScheduler.Shared.WaitUntilAsync(start + (Stopwatch.Frequency * 60), cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(5));
    }
}
