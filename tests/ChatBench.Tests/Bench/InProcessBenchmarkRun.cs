namespace ChatBench.Tests.Bench;

/// <summary>
/// Benchmark code a test runs in its own process sends through the harness's clients, whose network timeout (100 s) is
/// made for real endpoints: one request the in-process stub never answered would hold the test that long, and a few
/// in a row reach BenchmarkDotNet's five-minute limit. The test gives the whole run <see cref="TestTimeouts.BenchmarkRun"/>
/// on a pool thread instead, and when it runs out says what it was waiting for.
/// </summary>
internal static class InProcessBenchmarkRun
{
    public static async Task<T> WithinDeadlineAsync<T>(Func<Task<T>> run, Func<string> waitingFor)
    {
        ArgumentNullException.ThrowIfNull(waitingFor);
        try
        {
            return await Task.Run(run, TestContext.Current.CancellationToken).WaitAsync(TestTimeouts.BenchmarkRun, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{waitingFor()} did not finish within {TestTimeouts.BenchmarkRun.TotalSeconds:0} s", e);
        }
    }
}
