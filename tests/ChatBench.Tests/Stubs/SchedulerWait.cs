using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// A test's own wait on the stub's <see cref="DueTimeScheduler"/>, continued on the thread pool. The scheduler completes
/// the first due wait on its own thread, so code after a plain await runs there; so does the test runner after the
/// test returns, and a synchronous test it starts next (such as a BenchmarkDotNet run against an in-process stub)
/// holds the one thread every stub in the process needs to answer: its requests then wait for their network timeout.
/// </summary>
internal static class SchedulerWait
{
    public static async Task UntilAsync(long dueTimestamp, CancellationToken cancellation)
    {
        await DueTimeScheduler.Shared.WaitUntilAsync(dueTimestamp, cancellation);
        await Task.Yield();
    }

    /// <summary>Continues on the thread pool once <paramref name="wait"/> (a scheduler wait started earlier) ends.</summary>
    public static async Task OffSchedulerAsync(Task wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        try
        {
            await wait;
        }
        finally
        {
            await Task.Yield();
        }
    }
}
