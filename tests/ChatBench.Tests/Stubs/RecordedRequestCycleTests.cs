using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Tests.Stubs;

/// <summary>Which recorded request a replayed request plays: every one once in a replay as long as the recording.</summary>
public sealed class RecordedRequestCycleTests
{
    private static readonly double[] Grid = [.. RecordedProfile.StandardGrid];

    [Theory]
    [InlineData(250, 1, 0.0)]
    [InlineData(250, 2, 0.37)]
    [InlineData(250, 4, 0.99)]
    [InlineData(512, 3, 0.5)]
    [InlineData(7, 2, 0.25)]
    [InlineData(1, 5, 0.8)]
    public void Seeds_in_any_progression_visit_every_recorded_request_once_a_cycle(int count, int stride, double start)
    {
        var cycle = new RecordedRequestCycle(count);

        var visited = Enumerable.Range(0, count).Select(i => cycle.Index(start, 1 + ((long)i * stride))).ToList();

        Assert.All(visited, index => Assert.InRange(index, 0, count - 1));
        var prime = Enumerable.Range(Math.Max(2, count), 64).First(n => Enumerable.Range(2, n - 2).All(d => n % d != 0));
        Assert.True(visited.Distinct().Count() >= count - (prime - count), $"{visited.Distinct().Count()} distinct of {count}");
    }

    [Fact]
    public void Negative_and_huge_seeds_still_name_a_recorded_request()
    {
        var cycle = new RecordedRequestCycle(100);

        Assert.InRange(cycle.Index(0.5, -7), 0, 99);
        Assert.InRange(cycle.Index(0.999, long.MaxValue), 0, 99);
        Assert.InRange(cycle.Index(0.0, long.MinValue), 0, 99);
    }

    [Fact]
    public void A_replay_as_long_as_the_recording_plays_its_itl_median_exactly_for_a_prompt_sent_every_other_request()
    {
        // 250 requests recorded in an order unrelated to their latency, as a concurrent run finishes them.
        var random = new Random(11);
        var recorded = Enumerable.Range(0, 250).Select(i => new RecordedRequest(200 + random.Next(200) + (i * 0.001), 4.5 + (9 * random.NextDouble()), 50 + random.Next(100))).ToList();
        var group = new RecordedGroup
        {
            Prompt = "Explain streaming.",
            Class = "long",
            PromptTokens = 20,
            Samples = recorded.Count,
            TtftMs = Grid,
            ItlMs = Grid,
            OutputTokens = Grid,
            E2EMs = Grid,
            Requests = recorded,
        };
        var profile = LatencyProfile.Default with
        {
            Replay = new ProfileReplay(
                new RecordedProfile
                {
                    SchemaVersion = RecordedProfile.CurrentSchemaVersion,
                    Target = "live",
                    Model = "gpt-4o",
                    DateUtc = DateTimeOffset.UnixEpoch,
                    QuantileGrid = Grid,
                    Prompts = [group],
                    Classes = [group with { Prompt = null }],
                    TtftByPromptTokens = new FittedLine(200, 0, 1),
                    Errors = new RecordedErrors { Requests = recorded.Count },
                },
                replayErrors: false),
        };

        // The prompt is the second of a two-line workload: seeds 1, 3, 5, ...
        var plans = Enumerable.Range(0, recorded.Count).Select(i => profile.Plan(group.Prompt, null, 1 + (2L * i), 20)).ToList();

        var played = plans.Select(p => p.TimeToFirstToken.TotalMilliseconds).ToList();
        Assert.True(played.Distinct().Count() >= recorded.Count - 1, $"{played.Distinct().Count()} of {recorded.Count} recorded requests played");
        var recordedMedian = Median(recorded.Select(r => r.ItlMs));
        var playedMedian = Median(plans.Select(p => p.InterTokenInterval.TotalMilliseconds));
        Assert.InRange(playedMedian / recordedMedian, 0.99, 1.01);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
