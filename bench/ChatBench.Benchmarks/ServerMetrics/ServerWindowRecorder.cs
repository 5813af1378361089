namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// The server's view of a benchmark process's calls: a scrape when the benchmark is set up, then one after every
/// iteration, each window the difference from the scrape before; with <c>sampleLoad</c>, the queue every second in
/// between. Only the per-second samples run during measured time, on a timer of their own.
/// </summary>
public sealed class ServerWindowRecorder : IDisposable
{
    /// <summary>How long the scrape after an iteration waits for the server to finish counting its last requests.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan SettleStep = TimeSpan.FromMilliseconds(25);

    private readonly ServerMetricsScraper scraper;
    private readonly ServerMetricNames names;
    private readonly ServerLoadSampler? sampler;
    private ServerSnapshot? last;

    private ServerWindowRecorder(ServerMetricsScraper scraper, ServerSnapshot first, bool sampleLoad)
    {
        this.scraper = scraper;
        names = first.Names;
        last = first;
        sampler = sampleLoad ? new ServerLoadSampler(scraper, first.Names) : null;
    }

    /// <summary>Starts recording from a first scrape, or returns null when the target serves no metrics the harness reads.</summary>
    public static ServerWindowRecorder? Start(Uri baseUrl, string apiKey, bool sampleLoad)
    {
        var scraper = new ServerMetricsScraper(baseUrl, apiKey);
        if (scraper.TryScrapeAsync().GetAwaiter().GetResult().Snapshot is { } first)
        {
            return new ServerWindowRecorder(scraper, first, sampleLoad);
        }

        scraper.Dispose();
        return null;
    }

    /// <summary>
    /// Scrapes the server <paramref name="scrapes"/> times each way (whole, and the two gauges the sampler reads), lets
    /// <paramref name="settle"/> wait while the runtime compiles what that made hot, and starts the window afresh. A
    /// class measured while the sampler runs then pays neither its own nor the server's first compilations of the
    /// scrape path: without it, an open-loop run at 30 req/s compiled about 170 of the harness's scrape methods, and
    /// the stub its exposition writer, inside the measured run. Stops at the first scrape that fails.
    /// </summary>
    public void WarmUp(int scrapes, Action settle)
    {
        ArgumentNullException.ThrowIfNull(settle);
        try
        {
            for (var i = 0; i < scrapes; i++)
            {
                _ = scraper.ScrapeAsync().GetAwaiter().GetResult();
                _ = scraper.ScrapeLoadAsync(names).GetAwaiter().GetResult();
            }
        }
        catch (ServerMetricsUnavailableException)
        {
            // The next scrape says whether the server is gone; a warm-up has nothing to record.
        }

        settle();

        // The new start first, then the samples dropped: a sample that lands between the two is dropped too, never kept
        // from before the window's start.
        var start = scraper.TryScrapeAsync().GetAwaiter().GetResult().Snapshot;
        sampler?.Drain(0);
        last = start ?? last;
    }

    /// <summary>
    /// Ends the window at a new scrape, once the server has finished the requests it still counted as running or
    /// waiting (up to <see cref="SettleLimit"/>: a shared server may never be idle), and starts the next. Null when
    /// the scrape failed; the next window then starts at the next scrape that works.
    /// </summary>
    public ServerWindow? Close()
    {
        var now = scraper.TryScrapeAsync().GetAwaiter().GetResult().Snapshot;
        if (now is { InFlight: > 0 })
        {
            WaitUntilIdle();
            now = scraper.TryScrapeAsync().GetAwaiter().GetResult().Snapshot ?? now;
        }

        var before = last;
        last = now;
        if (now is null || before is null)
        {
            sampler?.Drain(0);
            return null;
        }

        try
        {
            return now.Since(before, sampler?.Drain(before.Timestamp) ?? []);
        }
        catch (InvalidDataException)
        {
            // The server changed its histograms' buckets between the scrapes: this window has nothing to compare.
            return null;
        }
    }

    public void Dispose()
    {
        sampler?.Dispose();
        scraper.Dispose();
    }

    /// <summary>Polls the two gauges alone (not the whole exposition) until the server holds no request, up to <see cref="SettleLimit"/>.</summary>
    private void WaitUntilIdle()
    {
        for (var waited = TimeSpan.Zero; waited < SettleLimit; waited += SettleStep)
        {
            Thread.Sleep(SettleStep);
            try
            {
                if (scraper.ScrapeLoadAsync(names).GetAwaiter().GetResult() is (0, 0))
                {
                    return;
                }
            }
            catch (ServerMetricsUnavailableException)
            {
                // A failed poll is one more step of waiting; the whole scrape after it says whether the server is gone.
            }
        }
    }
}
