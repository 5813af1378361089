using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>
/// Scraping a vLLM-like server over real loopback sockets: where the metrics are read, who gets the key, and what a
/// target without them leaves (a reason, no figures).
/// </summary>
public sealed class ServerMetricsScraperTests
{
    private const string Key = "sk-only-for-the-target";

    [Fact]
    public async Task Metrics_are_read_at_the_root_of_the_targets_origin_with_its_key()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.After);
        using var scraper = new ServerMetricsScraper(server.ApiBase, Key);

        var snapshot = await scraper.ScrapeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Uri(server.Root, "/metrics"), scraper.Url);
        Assert.Equal(("/metrics", (string?)$"Bearer {Key}"), Assert.Single(server.Received));
        Assert.Equal("vllm", snapshot.Names.Server);
        Assert.Equal(108, snapshot.RequestsByReason["stop"]);
        Assert.Equal(120, snapshot.Ttft!.Count);
    }

    [Fact]
    public async Task The_key_does_not_follow_a_redirect_to_another_host()
    {
        using var elsewhere = new MetricsServer().Serving(VllmMetricsFixture.After);
        using var target = new MetricsServer().Redirecting(new Uri(elsewhere.Root, "/metrics"));
        using var scraper = new ServerMetricsScraper(target.ApiBase, Key);

        var (snapshot, reason) = await scraper.TryScrapeAsync(TestContext.Current.CancellationToken);

        Assert.Null(snapshot);
        Assert.Contains("answered 302", reason, StringComparison.Ordinal);
        Assert.Equal($"Bearer {Key}", Assert.Single(target.Received).Authorization);
        Assert.Empty(elsewhere.Received);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000/metrics", "http://127.0.0.1:8000/v1", true)]
    [InlineData("https://api.example.com/metrics", "https://API.example.com:443/v1/", true)]
    [InlineData("http://127.0.0.1:8001/metrics", "http://127.0.0.1:8000/v1", false)]
    [InlineData("http://api.example.com/metrics", "https://api.example.com/v1", false)]
    [InlineData("https://metrics.example.com/metrics", "https://api.example.com/v1", false)]
    public void The_key_goes_only_to_the_targets_scheme_host_and_port(string url, string target, bool sendsKey)
    {
        Assert.Equal(sendsKey, ServerMetricsScraper.SameOrigin(new Uri(url), new Uri(target)));
    }

    [Theory]
    [InlineData("https://api.aimlapi.com/v1", "https://api.aimlapi.com/metrics")]
    [InlineData("https://api.aimlapi.com", "https://api.aimlapi.com/metrics")]
    [InlineData("http://localhost:8000/v1/", "http://localhost:8000/metrics")]
    [InlineData("http://gpu-box:30000/api/v1?x=1", "http://gpu-box:30000/metrics")]
    public void The_metrics_url_is_the_root_of_the_base_urls_origin(string baseUrl, string metrics)
    {
        Assert.Equal(new Uri(metrics), ServerMetricsScraper.MetricsUrl(new Uri(baseUrl)));
    }

    [Theory]
    [InlineData(404, "text/plain", "Not Found", "answered 404")]
    [InlineData(200, "text/html", "<html><body>AI/ML API</body></html>", "is not Prometheus text")]
    [InlineData(200, "application/json", "{\"models\":[]}", "is not Prometheus text")]
    [InlineData(200, "text/plain", "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 12.5\n", "has no vLLM or SGLang")]
    public async Task A_target_without_readable_metrics_gives_a_reason_and_no_figures(int status, string contentType, string body, string reason)
    {
        using var server = new MetricsServer().Serving(body, status, contentType);
        using var scraper = new ServerMetricsScraper(server.ApiBase, Key);

        var (snapshot, why) = await scraper.TryScrapeAsync(TestContext.Current.CancellationToken);

        Assert.Null(snapshot);
        Assert.Contains(reason, why, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_does_not_listen_gives_a_reason()
    {
        Uri root;
        using (var stopped = new MetricsServer())
        {
            root = stopped.ApiBase;
        }

        using var scraper = new ServerMetricsScraper(root, Key);

        var (snapshot, why) = await scraper.TryScrapeAsync(TestContext.Current.CancellationToken);

        Assert.Null(snapshot);
        Assert.Contains("did not answer", why, StringComparison.Ordinal);
    }
}
