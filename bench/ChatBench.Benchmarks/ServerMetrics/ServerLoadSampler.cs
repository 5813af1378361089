using System.Diagnostics;

namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// Reads the server's running and waiting requests once a second on a timer, off the benchmark's own threads: one GET
/// a second, of which only the two gauges' lines are parsed. A scrape still under way when the next is due is not
/// doubled; a failed one is a gap.
/// </summary>
public sealed class ServerLoadSampler : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly ServerMetricsScraper scraper;
    private readonly ServerMetricNames names;
    private readonly List<(long Timestamp, double Running, double Waiting)> samples = [];
    private readonly Timer timer;
    private int busy;

    public ServerLoadSampler(ServerMetricsScraper scraper, ServerMetricNames names)
    {
        this.scraper = scraper;
        this.names = names;
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
            var (running, waiting) = await scraper.ScrapeLoadAsync(names);
            var at = Stopwatch.GetTimestamp();
            lock (samples)
            {
                samples.Add((at, running, waiting));
            }
        }
        catch (Exception e) when (e is ServerMetricsUnavailableException or ObjectDisposedException)
        {
            // A missed second is a gap in the samples (or the benchmark ended while a scrape was under way); the scrapes
            // around the iteration say whether the server is gone.
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }
}
