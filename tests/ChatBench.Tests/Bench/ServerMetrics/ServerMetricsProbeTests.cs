using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Targets;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>The host's one question before the first benchmark: does the target serve metrics the harness reads?</summary>
public sealed class ServerMetricsProbeTests
{
    [Fact]
    public void A_target_without_metrics_is_one_line_and_no_scraping()
    {
        using var server = new MetricsServer().Serving("{\"detail\":\"Not Found\"}", 404, "application/json");
        using var output = new StringWriter();

        var settings = ServerMetricsProbe.Check(RunSettings.From(new BenchOptions(), server.ApiBase, Path.GetTempPath()), "sk-key", output);

        Assert.False(settings.ScrapesServerMetrics);
        Assert.Equal($"// Server metrics: skipped, {server.Root}metrics answered 404.", Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_vllm_like_target_is_scraped_and_the_benchmark_processes_are_told()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.Before);
        using var output = new StringWriter();

        var settings = ServerMetricsProbe.Check(RunSettings.From(new BenchOptions(), server.ApiBase, Path.GetTempPath()), "sk-key", output);

        Assert.True(settings.ScrapesServerMetrics);
        Assert.True(RunSettings.Parse(settings.ToJobVariable().Value).ScrapesServerMetrics);
        Assert.StartsWith($"// Server metrics: {server.Root}metrics (vllm names) is scraped", output.ToString(), StringComparison.Ordinal);
    }
}
