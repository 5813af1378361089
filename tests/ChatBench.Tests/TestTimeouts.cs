namespace ChatBench.Tests;

/// <summary>How long a test waits for what it sends, far below BenchmarkDotNet's five-minute limit for a run in process.</summary>
internal static class TestTimeouts
{
    /// <summary>
    /// The longest a request a test sends may go unanswered: twice the slowest single answer measured in the suite
    /// (under 10 s, among the 5,000 requests at once at the real time scale, on a shared two-core machine).
    /// </summary>
    public static readonly TimeSpan Request = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest a benchmark class or method run in the test process may take: four times the slowest measured
    /// (WireMockPipelineCostBenchmarks, 26 s through BenchmarkDotNet's engine on a shared two-core machine).
    /// </summary>
    public static readonly TimeSpan BenchmarkRun = TimeSpan.FromMinutes(2);
}
