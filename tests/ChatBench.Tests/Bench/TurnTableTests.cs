using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports.Tables;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>The conversations' table: one row per turn index, its figures computed from the turns' records.</summary>
public sealed class TurnTableTests
{
    [Fact]
    public void Each_turn_shows_its_tokens_cache_hits_and_latency_from_the_records()
    {
        var table = TurnTable.Render(File(Turn(0, 2_000, reported: 2_004, cached: 0, ttft: 70), Turn(0, 2_000, reported: 2_004, cached: 1_920, ttft: 50), Turn(1, 2_300, reported: 2_310, cached: 2_048, ttft: 48)));

        Assert.Contains("| Sessions | 0 | 2 | 2004 | 960 | 50 | 60.0 |", table, StringComparison.Ordinal);
        Assert.Contains("| Sessions | 1 | 1 | 2310 | 2048 | 100 | 48.0 |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_servers_count_prompt_tokens_are_the_tokenizers_and_say_so()
    {
        var table = TurnTable.Render(File(Turn(0, 2_000, reported: null, cached: null, ttft: 70)));

        Assert.Contains("| Sessions | 0 | 1 | 2000 (o200k) | - | - | 70.0 |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_finding_gives_what_the_cache_saved_at_the_last_turn_and_goes_without_the_uncached_case()
    {
        var on = ResultsFixture.Case("Sessions", 100, null, baseline: false) with
        {
            Parameters = new Dictionary<string, string> { ["PrefixCache"] = "True" },
            Requests = [Turn(0, 2_000, 2_004, 1_920, 50), Turn(1, 2_300, 2_310, 2_048, 47)],
        };
        var off = on with { Parameters = new Dictionary<string, string> { ["PrefixCache"] = "False" }, Requests = [Turn(0, 2_000, 2_004, 0, 70), Turn(1, 2_300, 2_310, 0, 72.5)] };

        var finding = Assert.Single(ChatBench.Benchmarks.Reports.TurnFindings.For(File() with { Cases = [on, off] }));

        Assert.Equal("At turn 1, the sessions' last, the prefix cache took TTFT p50 from 72.5 ms to 47.0 ms (25.5 ms less), with 2048 of its 2310 prompt tokens (89 %) answered from the cache.", finding);
        Assert.Empty(ChatBench.Benchmarks.Reports.TurnFindings.For(File() with { Cases = [on] }));
    }

    [Fact]
    public void A_case_without_turns_says_so()
    {
        Assert.Contains("has no measured turns", TurnTable.Render(File()), StringComparison.Ordinal);
    }

    private static RequestRecord Turn(int turn, int tokens, int? reported, int? cached, double ttft) => new()
    {
        Index = turn,
        PromptClass = "support",
        PromptTokens = tokens,
        ReportedPromptTokens = reported,
        CachedTokens = cached,
        StartMs = 0,
        FirstTokenMs = ttft,
        LastTokenMs = ttft + 100,
        EndMs = ttft + 100,
        OutputTokens = 50,
        Outcome = RequestOutcome.Answered,
        Session = "s",
        Turn = turn,
        ChunkGapsMs = [],
    };

    private static ResultsFile File(params RequestRecord[] requests) => new()
    {
        SchemaVersion = ResultsFile.CurrentSchemaVersion,
        Run = ResultsFixture.Run,
        Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios.ConversationBenchmarks", Name = "ConversationBenchmarks" },
        Cases = requests.Length == 0 ? [] : [ResultsFixture.Case("Sessions", 100, null, baseline: false) with { Requests = requests }],
    };
}
