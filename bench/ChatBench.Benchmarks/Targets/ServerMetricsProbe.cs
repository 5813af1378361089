using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Benchmarks.Targets;

/// <summary>
/// Asks the run's target once, before the first benchmark, whether it serves <c>/metrics</c> the harness reads, and
/// says in one line what the run will do: scrape it around every case, or leave the server's view out.
/// </summary>
public static class ServerMetricsProbe
{
    /// <summary>The settings with <see cref="RunSettings.ScrapesServerMetrics"/> set to the answer.</summary>
    public static RunSettings Check(RunSettings settings, string apiKey, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        using var scraper = new ServerMetricsScraper(settings.BaseUrl, apiKey);
        var (snapshot, reason) = scraper.TryScrapeAsync().GetAwaiter().GetResult();
        output.WriteLine(snapshot is not null
            ? $"// Server metrics: {scraper.Url} ({snapshot.Names.Server} names) is scraped before and after every case; the results hold the server's view."
            : $"// Server metrics: skipped, {reason}.");
        return settings with { ScrapesServerMetrics = snapshot is not null };
    }
}
