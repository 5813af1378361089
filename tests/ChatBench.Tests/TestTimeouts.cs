namespace ChatBench.Tests;

/// <summary>How long a test waits for what it sends, far below BenchmarkDotNet's five-minute limit for a run in process.</summary>
internal static class TestTimeouts
{
    /// <summary>
    /// The longest a request a test sends may go unanswered: over five times the 3.6 s the slowest batch of the suite
    /// (5,000 requests at once at the real time scale) took as a whole on a shared two-core machine.
    /// </summary>
    public static readonly TimeSpan Request = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest a benchmark class or method run in the test process may take: over three times the slowest measured
    /// (WireMockPipelineCostBenchmarks through BenchmarkDotNet's engine: 26 s, and 46 s at a load average of 15 on two
    /// cores), and half BenchmarkDotNet's own limit.
    /// </summary>
    public static readonly TimeSpan BenchmarkRun = TimeSpan.FromSeconds(150);
}
