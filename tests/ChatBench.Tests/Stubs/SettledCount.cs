using System.Diagnostics;
using ChatBench.Stubs;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// The stub counts an answer once its last write has returned, which can be just after the client has read the answer:
/// a test that checks the count right after its clients finish waits for it to settle (at most ten seconds).
/// </summary>
internal static class SettledCount
{
    public static async Task<long> SucceededAsync(StubStatistics statistics, long expected)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
        while (statistics.Succeeded < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        return statistics.Succeeded;
    }
}
