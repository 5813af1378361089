using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>
/// The real program, its benchmark processes and the stub's <c>/metrics</c>: the server's view reaches the results
/// JSON and the summary next to the client's; a target without metrics gets one line and nothing else.
/// </summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class ServerViewEndToEndTests
{
    [Fact]
    public async Task A_stub_run_holds_the_servers_view_next_to_the_clients()
    {
        var results = Directory.CreateTempSubdirectory("chatbench-server-view-").FullName;
        try
        {
            var (exitCode, console, _) = await BenchProgram.RunAsync(["--quick", "--filter", "*StreamingBenchmarks*Concurrency: 10)*", "--results", results]);

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{console}");
            var line = Assert.Single(console.Split('\n'), l => l.StartsWith("// Server metrics:", StringComparison.Ordinal));
            Assert.Contains("(vllm names) is scraped", line, StringComparison.Ordinal);

            var streams = Assert.Single(ResultsJson.ReadFolder(results).Single().Cases);
            var (client, server) = (streams.Latency!, streams.Server!);

            // Three measured iterations of twenty streams: the server finished exactly the requests the client measured.
            Assert.Equal((3, 60, 60), (server.Iterations, client.Succeeded, (int)server.Requests));
            Assert.Equal(60, server.RequestsByFinishReason!.Values.Sum());
            Assert.Equal((60.0, 60.0), (server.Ttft!.Count, server.E2E!.Count));

            // The client's TTFT holds the server's and the way there and back, so on average it is the longer.
            Assert.True(client.Ttft!.Mean > server.Ttft.Mean, $"client TTFT mean {client.Ttft.Mean} ms, server {server.Ttft.Mean} ms");

            var summary = await File.ReadAllTextAsync(Path.Combine(results, SummaryPage.FileName), TestContext.Current.CancellationToken);
            Assert.Contains("## The server's view", summary, StringComparison.Ordinal);
            Assert.Contains($"| StreamingBenchmarks: Streams (Concurrency=10) | 60 / 60 | {client.Ttft.P50:0.0} / {server.Ttft.P50:0.0} |", summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Fact]
    public async Task A_target_without_metrics_is_one_line_and_no_server_view()
    {
        using var endpoint = new FlawedChatServer("4", usage: true, finishReason: "stop");
        var results = Directory.CreateTempSubdirectory("chatbench-no-server-view-").FullName;
        try
        {
            var (exitCode, console, _) = await BenchProgram.RunAsync(
                ["--target", "live", "--base-url", endpoint.BaseUri.ToString(), "--quick", "--filter", "*SeedScenarioBenchmarks.Concurrent*", "--max-requests", "100", "--results", results],
                "sk-endpoint-key");

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{console}");
            var metrics = new Uri(endpoint.BaseUri, "/metrics");
            Assert.Equal($"// Server metrics: skipped, {metrics} answered 404.", Assert.Single(console.Split('\n'), l => l.StartsWith("// Server metrics:", StringComparison.Ordinal)).TrimEnd('\r'));
            Assert.All(ResultsJson.ReadFolder(results).SelectMany(f => f.Cases), c => Assert.Null(c.Server));
            Assert.DoesNotContain("\"server\"", await File.ReadAllTextAsync(Directory.GetFiles(results, "*-results.json").Single(), TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.DoesNotContain("The server's view", await File.ReadAllTextAsync(Path.Combine(results, SummaryPage.FileName), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
