using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>The server's view of one call: two scrapes of a vLLM-like server over loopback and what lies between them.</summary>
public sealed class ServerWindowRecorderTests
{
    [Fact]
    public void A_window_holds_what_the_server_counted_between_the_scrapes()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.Before);
        using var recorder = ServerWindowRecorder.Start(server.ApiBase, "key", sampleLoad: false)!;
        server.Serving(VllmMetricsFixture.After);

        var window = recorder.Close()!;

        Assert.Equal("vllm", window.Server);
        Assert.Equal(20, window.Requests);
        Assert.Equal(new Dictionary<string, double> { ["stop"] = 18, ["length"] = 2 }, window.RequestsByFinishReason);
        Assert.Equal(2400, window.PromptTokens);
        Assert.Equal(4000, window.GenerationTokens);
        Assert.Equal(20, window.Ttft!.Count);
        Assert.Equal(20, window.E2E!.Count);
        Assert.Equal(400, window.InterToken!.Count);
        Assert.Equal(2500, window.CpuMs!.Value, 9);
        Assert.Empty(window.Load);

        var view = ServerLatency.Of(window.Ttft)!;
        Assert.Equal(70, view.P50, 9);
        Assert.Equal(99.2, view.P99, 9);
        Assert.Equal(70, view.Mean, 9);
    }

    [Fact]
    public void The_scrape_after_a_call_waits_for_the_server_to_finish_counting()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.Before);
        using var recorder = ServerWindowRecorder.Start(server.ApiBase, "key", sampleLoad: false)!;
        server.ServingInTurn(VllmMetricsFixture.Busy, VllmMetricsFixture.Busy, VllmMetricsFixture.After, VllmMetricsFixture.After);

        var window = recorder.Close()!;

        // After the first scrape: the gauges read twice (busy, then idle) and the whole exposition once more.
        Assert.Equal((0.0, 0.0), (window.RunningAfter, window.WaitingAfter));
        Assert.Equal(4, server.Received.Count - 1);
    }

    [Fact]
    public void The_next_window_starts_where_the_last_ended()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.Before);
        using var recorder = ServerWindowRecorder.Start(server.ApiBase, "key", sampleLoad: false)!;
        server.Serving(VllmMetricsFixture.After);
        recorder.Close();

        var idle = recorder.Close()!;

        Assert.Equal(0, idle.Requests);
        Assert.Equal(0, idle.Ttft!.Count);
        Assert.Null(ServerLatency.Of(idle.Ttft));
    }

    [Fact]
    public void A_target_without_metrics_records_nothing()
    {
        using var server = new MetricsServer().Serving("Not Found", 404);

        Assert.Null(ServerWindowRecorder.Start(server.ApiBase, "key", sampleLoad: false));
    }

    [Fact]
    public void With_load_sampling_the_queue_is_read_every_second_during_the_call()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.Before);
        using var recorder = ServerWindowRecorder.Start(server.ApiBase, "key", sampleLoad: true)!;
        server.Serving(VllmMetricsFixture.Busy);

        // Two and a half periods: two samples are due. Eight runs with the machine's load at 11 to 19 always had two, the
        // first 1,021 to 1,135 ms after the window's start; the bound allows about four times the widest lateness, and a
        // second sample delayed past the end.
        Thread.Sleep(2500);
        server.Serving(VllmMetricsFixture.After);
        var window = recorder.Close()!;

        Assert.InRange(window.Load.Count, 1, 2);
        Assert.All(window.Load, s => Assert.Equal((7.0, 3.0), (s.Running, s.Waiting)));
        Assert.InRange(window.Load[0].AtMs, 1000, 1600);
    }

    [Fact]
    public void A_warm_up_scrapes_both_ways_and_the_next_window_starts_after_it()
    {
        using var server = new MetricsServer().Serving(VllmMetricsFixture.Before);
        using var recorder = ServerWindowRecorder.Start(server.ApiBase, "key", sampleLoad: true)!;
        var settled = 0;

        // While the warm-up settles the server finishes the 20 requests Busy counts (the same as After), and the settle
        // outlasts the sampler's first period, so a sample falls inside the warm-up: neither may reach the window.
        recorder.WarmUp(3, () =>
        {
            settled++;
            server.Serving(VllmMetricsFixture.Busy);
            Thread.Sleep(1300);
        });
        var afterWarmUp = server.Received.Count;
        server.Serving(VllmMetricsFixture.After);
        var window = recorder.Close()!;

        Assert.Equal(1, settled);
        Assert.True(afterWarmUp >= 1 + (3 * 2) + 1, $"{afterWarmUp} scrapes: the first, three whole and three of the gauges, and the window's new start");
        Assert.Equal(0, window.Requests);
        Assert.All(window.Load, s => Assert.True(s.AtMs >= 0, $"a sample {s.AtMs} ms before the window"));
    }
}
