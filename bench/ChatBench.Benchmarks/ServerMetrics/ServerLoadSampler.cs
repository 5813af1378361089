using System.Diagnostics;

namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// Reads the server's running and waiting requests once a second on a timer, off the benchmark's own threads: one
/// small GET and parse a second. A scrape still under way when the next is due is not doubled; a failed one is a gap.
/// </summary>
public sealed class ServerLoadSampler : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly ServerMetricsScraper scraper;
    private readonly List<(long Timestamp, double Running, double Waiting)> samples = [];
    private readonly Timer timer;
    private int busy;

    public ServerLoadSampler(ServerMetricsScraper scraper)
    {
        this.scraper = scraper;
        timer = new Timer(_ => _ = SampleAsync(), null, Period, Period);
    }

    /// <summary>The samples taken since the last call, timed from <paramref name="windowStart"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public IReadOnlyList<ServerLoadSample> Drain(long windowStart)
    {
        lock (samples)
        {
            var drained = samples
                .Select(s => new ServerLoadSample(Math.Round(Stopwatch.GetElapsedTime(windowStart, s.Timestamp).TotalMilliseconds, 1), s.Running, s.Waiting))
                .ToList();
            samples.Clear();
            return drained;
        }
    }

    public void Dispose() => timer.Dispose();

    private async Task SampleAsync()
    {
        if (Interlocked.Exchange(ref busy, 1) == 1)
        {
            return;
        }

        try
        {
            if ((await scraper.TryScrapeAsync()).Snapshot is { } snapshot)
            {
                lock (samples)
                {
                    samples.Add((snapshot.Timestamp, snapshot.Running, snapshot.Waiting));
                }
            }
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }
}
