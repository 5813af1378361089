using System.Text.Json;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>
/// The committed session file against a live endpoint (a stub standing in, its prefix cache on): the plan counts every
/// turn of every session, the endpoint receives exactly that, and the results carry each turn's cached tokens.
/// </summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class ConversationLiveRunTests
{
    [Fact]
    public async Task Three_sessions_of_four_turns_send_twelve_requests_an_iteration_and_report_the_cached_prefix()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.05, 1) });
        var results = Directory.CreateTempSubdirectory("chatbench-conversation-live-").FullName;
        try
        {
            var (exitCode, console, _) = await BenchProgram.RunAsync(
                ["--target", "live", "--base-url", stub.BaseUri.ToString(), "--workload", "workloads/support-sessions.jsonl", "--filter", "*ConversationBenchmarks*", "--max-requests", "100", "--results", results]);

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{console}");
            Assert.Contains("skipped under --target live: ConversationBenchmarks with PrefixCache=False", console, StringComparison.Ordinal);

            // One case (the cache-off one is the stub's own), a warm-up and three measured iterations of 12 turns.
            Assert.Contains("Plan: 1 benchmark cases, 48 requests", console, StringComparison.Ordinal);
            var file = ResultsJson.ReadFolder(results).Single(f => f.Benchmark.Name == "ConversationBenchmarks");
            var turns = TurnFigures.Of(Assert.Single(file.Cases));
            Assert.Equal([0, 1, 2, 3], turns.Select(t => t.Turn));
            Assert.All(turns, t => Assert.Equal(9, t.Requests));
            // Two of the three sessions share a system prompt over 1,024 tokens: from their second turn on, the endpoint
            // answers each from its cache; the third's prompts stay too short to cache.
            Assert.All(turns.Skip(1), t => Assert.Equal(2.0 / 3, t.CacheHitShare!.Value, 3));
            // The plan's 48, and the live preflight's one chat request before it.
            Assert.Equal(48 + 1, stub.Statistics.Received);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
