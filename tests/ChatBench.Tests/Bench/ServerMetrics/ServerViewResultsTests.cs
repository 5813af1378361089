using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.ServerMetrics;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>
/// The server's view on its way from the benchmark process to the summary: beside the records, into the case's
/// results JSON, and onto SUMMARY.md next to the client's figures; results without it still read and report.
/// </summary>
public sealed class ServerViewResultsTests
{
    private static readonly ServerWindow Window = ServerWindowOf(VllmMetricsFixture.Before, VllmMetricsFixture.After);

    [Fact]
    public void A_window_written_after_its_invocation_is_read_back_with_it_even_with_a_nan_gauge()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-records-").FullName;
        try
        {
            var log = new RecordLog(directory, "Case.Method()");
            var batch = log.Begin(1);
            batch.Add(ResultsFixture.Answered(0, "short", 0, 10, 5));

            // A failed request writes the records at once; the window comes after, from the iteration's cleanup.
            batch.Add(new RequestRecord { Index = 0, PromptClass = "short", StartMs = 0, EndMs = 1, Outcome = RequestOutcome.HttpStatus(500) });
            batch.Complete(failuresAreTheResult: true);
            log.AddServerWindow(0, Window with { WaitingAfter = double.NaN });
            log.Flush();

            var read = RecordLog.Read(directory, "Case.Method()").Single();

            Assert.Equal(20, read.Server!.Requests);
            Assert.True(double.IsNaN(read.Server.WaitingAfter));
            Assert.Equal(Window.Ttft!.Buckets, read.Server.Ttft!.Buckets);
            Assert.Equal((20.0, Window.Ttft.Sum), (read.Server.Ttft.Count, read.Server.Ttft.Sum));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_view_adds_the_measured_iterations_windows_and_keeps_each_iterations_load()
    {
        var second = Window with { Load = [new ServerLoadSample(1000, 4, 1), new ServerLoadSample(2000, 9, 2)] };
        InvocationRecord[] measured = [new(3, []) { Server = Window }, new(4, []) { Server = second }];

        var view = ServerView.Of(measured)!;

        Assert.Equal((2, 40.0), (view.Iterations, view.Requests));
        Assert.Equal(36, view.RequestsByFinishReason!["stop"]);
        Assert.Equal(40, view.Ttft!.Count);

        // The same twenty TTFTs twice: the same quantiles as one window's.
        Assert.Equal((70.0, 99.2), (view.Ttft.P50, view.Ttft.P99));
        Assert.Equal([1, 1], view.Load!.Select(s => s.Iteration!.Value));
        Assert.Equal((9.0, 2.0), (view.PeakRunning!.Value, view.PeakWaiting!.Value));
    }

    [Fact]
    public void Cases_without_a_window_have_no_view()
    {
        Assert.Null(ServerView.Of([new InvocationRecord(0, [])]));
    }

    [Fact]
    public void The_summary_shows_client_ttft_against_the_servers_and_what_lies_between()
    {
        using var results = new ResultsFixture().WithEverything();
        var view = ServerView.Of([new InvocationRecord(0, []) { Server = Window }])!;
        var client = new Distribution(20, 72.5, 90, 101.7, 73, 102);
        var e2e = new Distribution(20, 1300, 2200, 2400, 1600, 2450);
        results.Write("ServerStreamingBenchmarks", null, [ResultsFixture.Case("Streams", 2500, null, baseline: true) with
        {
            Latency = new CaseLatency(20, 20, new Dictionary<string, int>(), client, null, e2e, null, null, null, null, 8, 1600),
            Iterations = [new IterationResult { Requests = 20, Failed = 0, SpanMs = 2400 }],
            Server = view,
        }]);

        SummaryPage.Write(results.Directory);

        var page = File.ReadAllText(results.PathOf(SummaryPage.FileName));
        Assert.Contains("## The server's view: what the network and the client add", page, StringComparison.Ordinal);
        Assert.Contains("| ServerStreamingBenchmarks: Streams | 20 / 20 | 72.5 / 70.0 | +2.5 | 101.7 / 99.2 | +2.5 | 73.0 / 70.0 | +3.0 | 1300.0 / 1500.0 | 1600.0 / 1700.0 | -100.0 | - |", page, StringComparison.Ordinal);
        Assert.Contains("In this run, client minus server: mean TTFT +3.0 ms, mean E2E -100.0 ms.", page, StringComparison.Ordinal);
        var read = ResultsJson.Read(results.PathOf("ChatBench.Benchmarks.Scenarios.ServerStreamingBenchmarks" + ResultsFile.Suffix)).Cases[0].Server!;
        Assert.Equal((view.Requests, view.Ttft, view.E2E, view.QueueTime), (read.Requests, read.Ttft, read.E2E, read.QueueTime));
        Assert.Equal(view.RequestsByFinishReason, read.RequestsByFinishReason);
    }

    [Fact]
    public void Results_without_the_servers_view_still_report_without_its_section()
    {
        using var results = new ResultsFixture().WithEverything();

        SummaryPage.Write(results.Directory);

        Assert.DoesNotContain("The server's view", File.ReadAllText(results.PathOf(SummaryPage.FileName)), StringComparison.Ordinal);
        Assert.All(ResultsJson.ReadFolder(results.Directory).SelectMany(f => f.Cases), c => Assert.Null(c.Server));
    }

    private static ServerWindow ServerWindowOf(string before, string after)
    {
        var first = ServerSnapshot.Read(PrometheusText.Parse(before), ServerMetricNames.Vllm, 0);
        return ServerSnapshot.Read(PrometheusText.Parse(after), ServerMetricNames.Vllm, 0).Since(first, []);
    }
}
