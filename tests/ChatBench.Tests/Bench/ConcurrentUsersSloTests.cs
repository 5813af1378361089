using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Reports.Tables;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A sweep over concurrent users, from hand-built turns: the share of turns within the SLO per case, the highest number
/// of users whose share keeps the attainment, and the summary's sentence and table saying so.
/// </summary>
public sealed class ConcurrentUsersSloTests
{
    [Fact]
    public void Every_turn_is_judged_against_the_slo_and_failed_or_unsent_turns_are_misses()
    {
        // Limits: TTFT 100 ms, E2E 1,000 ms, no ITL limit.
        var invocation = new InvocationRecord(0,
        [
            Turn(0, ttft: 50, e2e: 500, cached: 1920),
            Turn(1, ttft: 150, e2e: 600, cached: 0),
            Turn(2, ttft: 90, e2e: 1250, cached: 1920),
            Turn(3, ttft: 80, e2e: 300, cached: null, RequestOutcome.HttpStatus(500)),
            Turn(4, ttft: 0, e2e: 0, cached: null, RequestOutcome.NotCompleted),
        ])
        {
            Conversation = new ConversationRecord(4) { SloTtftMs = 100, SloE2EMs = 1000 },
        };

        var figures = new MeasuredCase([invocation], 1000).ConcurrentUsers!;
        var columns = CaseMetrics.Compute(ConcurrentUsersMetrics.All, new MeasuredCase([invocation], 1000));

        // Only turn 0 meets both limits: 1 of 5. Of the three answered turns that reported cached tokens, two had some.
        Assert.Equal((4, 5, 0.2), (figures.Users, figures.Turns, figures.SloShare));
        Assert.Equal(2.0 / 3, figures.CacheHitShare!.Value, 6);
        Assert.Equal(20, columns[ConcurrentUsersResult.WithinSloColumn], 6);
        Assert.Equal(4, columns[ConcurrentUsersResult.UsersColumn]);
        Assert.Equal("ttft=100ms,e2e=1000ms", figures.Slo.ToString());
    }

    [Fact]
    public void Cases_that_are_not_a_sweep_over_users_have_no_such_figures()
    {
        var invocation = new InvocationRecord(0, [Turn(0, ttft: 50, e2e: 500, cached: 0)]);

        Assert.Null(new MeasuredCase([invocation], 1000).ConcurrentUsers);
        Assert.Empty(CaseMetrics.Compute(ConcurrentUsersMetrics.All, new MeasuredCase([invocation], 1000)));
        Assert.Null(ConcurrentUsersResult.Of([]));
    }

    [Theory]
    [InlineData(6, "The highest number of concurrent users within the SLO: 19 (19.7 interpolated between 16 and 64 users")]
    [InlineData(12, "The highest number of concurrent users within the SLO: 22 (22.9 interpolated between 16 and 64 users")]
    public void The_highest_number_of_users_is_interpolated_where_the_share_crosses_the_attainment(int withinAt64, string sentence)
    {
        // Shares of 20 turns: 100 %, 100 %, 95 %, then withinAt64 / 20 at 64 users; the attainment is 90 %.
        var found = ConcurrentUsersResult.Of([Sweep(1, 20), Sweep(4, 20), Sweep(16, 19), Sweep(64, withinAt64)])!;

        Assert.Equal(SloSearch.Interpolated, found.Bound);
        Assert.StartsWith(sentence, Finding(found), StringComparison.Ordinal);
        Assert.Contains("within ttft=200ms,itl=20ms,e2e=2000ms crosses 90 %; measured: 1, 4, 16, 64).", Finding(found), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_whose_most_users_still_met_the_slo_says_all_measured_and_one_whose_fewest_missed_says_none()
    {
        var all = ConcurrentUsersResult.Of([Sweep(1, 20), Sweep(16, 18)])!;
        var none = ConcurrentUsersResult.Of([Sweep(1, 17), Sweep(16, 2)])!;

        Assert.Equal((16.0, SloSearch.AtLeast), (all.HighestUsersWithinSlo, all.Bound));
        Assert.StartsWith("The highest number of concurrent users within the SLO: all measured, so at least 16:", Finding(all), StringComparison.Ordinal);
        Assert.Equal((null, SloSearch.Below), (none.HighestUsersWithinSlo, none.Bound));
        Assert.Equal("The highest number of concurrent users within the SLO: none: even the fewest users measured (1, 16) kept less than 90 % of their turns within ttft=200ms,itl=20ms,e2e=2000ms.", Finding(none));
    }

    [Fact]
    public void The_table_has_a_row_per_number_of_users_in_order_with_its_share_within_the_slo()
    {
        var file = File(ConcurrentUsersResult.Of([Sweep(1, 20), Sweep(64, 9)])!) with
        {
            Cases = [Case(64, 45, cacheHits: 98), Case(1, 100, cacheHits: 75)],
        };

        var table = SectionTables.Render(TableKind.ConcurrentUsers, file);

        var rows = table.Split('\n').Where(l => l.StartsWith("| 1 ", StringComparison.Ordinal) || l.StartsWith("| 64 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("| 1 | 20 | 100.0 |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 64 | 20 | 45.0 |", rows[1], StringComparison.Ordinal);
        Assert.EndsWith("| 120.0 | 180.0 | 900.0 | 98 | 0 |", rows[1], StringComparison.Ordinal);
        Assert.Contains("(ttft=200ms,itl=20ms,e2e=2000ms)", table, StringComparison.Ordinal);
    }

    private static string Finding(ConcurrentUsersResult found)
    {
        var placement = SectionResults.Placement(15, "Users", TableKind.ConcurrentUsers, ChartKind.ConcurrentUsers);
        return Assert.Single(Findings.For(placement, [File(found)]));
    }

    private static ResultsFile File(ConcurrentUsersResult found) => new()
    {
        SchemaVersion = ResultsFile.CurrentSchemaVersion,
        Run = ResultsFixture.Run,
        Benchmark = new BenchmarkDescription { Type = "T.Users", Name = "Users" },
        Cases = [],
        ConcurrentUsers = found,
    };

    /// <summary>A case of <paramref name="users"/> users with 20 turns, <paramref name="within"/> of them within the run's scaled default SLO.</summary>
    private static ConcurrentUsersFigures Sweep(int users, int within)
    {
        var turns = Enumerable.Range(0, 20).Select(i => Turn(i, ttft: i < within ? 150 : 250, e2e: 900, cached: 1920)).ToList();
        var invocation = new InvocationRecord(0, turns) { Conversation = new ConversationRecord(users) { SloTtftMs = 200, SloItlMs = 20, SloE2EMs = 2000 } };
        return ConcurrentUsersFigures.Of([invocation])!;
    }

    private static CaseResult Case(int users, double withinPercent, double cacheHits) =>
        SectionResults.WithColumns(
            ResultsFixture.Case("Sessions", 900, null, baseline: false, ("Users", users)),
            (ConcurrentUsersResult.UsersColumn, users),
            (ConcurrentUsersResult.WithinSloColumn, withinPercent),
            (ConcurrentUsersResult.CacheHitsColumn, cacheHits)) with
        {
            Latency = new CaseLatency(20, 20, new Dictionary<string, int>(), new Distribution(20, 120, 150, 180, 125, 190), null, new Distribution(20, 800, 850, 900, 810, 950), null, null, null, null, 100, 1500),
        };

    private static RequestRecord Turn(int index, double ttft, double e2e, int? cached, RequestOutcome? outcome = null) => new()
    {
        Index = index,
        PromptClass = "support",
        StartMs = index * 10,
        FirstTokenMs = (index * 10) + ttft,
        LastTokenMs = (index * 10) + e2e,
        EndMs = (index * 10) + e2e,
        OutputTokens = 80,
        Outcome = outcome ?? RequestOutcome.Answered,
        CachedTokens = cached,
        Session = "synthetic-1",
        Turn = index % 4,
    };
}
