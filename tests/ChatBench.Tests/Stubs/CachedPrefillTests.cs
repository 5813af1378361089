using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Tests.Stubs;

/// <summary>Cached prompt tokens leave out their prefill in every latency source: the model, the capacity model and a replay.</summary>
public sealed class CachedPrefillTests
{
    private static readonly LatencyProfile Exact = LatencyProfile.Default with { TimeScale = 0.1, Jitter = 0, TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(0.5) };

    [Fact]
    public void The_model_charges_its_per_token_ttft_for_the_uncached_tokens_only()
    {
        var whole = Exact.Plan("Tell me more.", promptTokens: 2100);
        var cached = Exact.Plan("Tell me more.", promptTokens: 2100, cachedTokens: 1920);

        Assert.Equal((450 + (0.5 * 2100)) * 0.1, whole.TimeToFirstToken.TotalMilliseconds, 6);
        Assert.Equal((450 + (0.5 * 180)) * 0.1, cached.TimeToFirstToken.TotalMilliseconds, 6);
        Assert.Equal(1920, cached.CachedTokens);
    }

    [Fact]
    public void A_plan_with_jitter_stays_the_same_for_the_same_request_and_cached_tokens()
    {
        var jittered = Exact with { Jitter = 0.1 };

        var once = jittered.Plan("Tell me more.", requestSeed: 7, promptTokens: 2100, cachedTokens: 1920);
        var again = jittered.Plan("Tell me more.", requestSeed: 7, promptTokens: 2100, cachedTokens: 1920);

        Assert.Equal(once.TimeToFirstToken, again.TimeToFirstToken);
        Assert.Equal(once.InterTokenInterval, again.InterTokenInterval);
        Assert.True(once.TimeToFirstToken < jittered.Plan("Tell me more.", requestSeed: 7, promptTokens: 2100).TimeToFirstToken);
    }

    [Fact]
    public void The_capacity_model_prefills_only_the_uncached_tokens()
    {
        var model = new CapacityModel { Slots = 4, PrefillPerPromptToken = TimeSpan.FromMilliseconds(1) };
        var profile = Exact with { TimeToFirstTokenPerPromptToken = TimeSpan.Zero };
        var plan = profile.Plan("Tell me more.", promptTokens: 2100, cachedTokens: 1920);

        var admitted = model.Admit(plan, promptTokens: 2100, active: 1, timeScale: 0.1);

        Assert.Equal(plan.TimeToFirstToken + TimeSpan.FromMilliseconds(180 * 0.1), admitted.TimeToFirstToken);
        Assert.Equal(1920, admitted.CachedTokens);
    }

    [Theory]
    [InlineData(0.15, 400, 1920, 112)]
    [InlineData(0.25, 400, 1920, 100)]
    [InlineData(0.25, 80, 1920, 80)]
    [InlineData(-0.1, 400, 1920, 400)]
    [InlineData(0.15, 400, 0, 400)]
    public void A_replay_takes_the_cached_tokens_prefill_off_along_its_fitted_line_down_to_its_intercept(double slopeMs, double recordedTtftMs, int cachedTokens, double expectedMs)
    {
        var grid = RecordedProfile.StandardGrid;
        var profile = ProfileReplayTests.Profile(errorRate: 0) with
        {
            Classes = [ProfileReplayTests.Profile(0).Classes[0] with { PromptTokens = 2000, TtftMs = [.. grid.Select(_ => recordedTtftMs)] }],
            TtftByPromptTokens = new FittedLine(100, slopeMs, 50),
        };
        var replayed = LatencyProfile.Default with { Replay = new ProfileReplay(profile, replayErrors: false) };

        var plan = replayed.Plan("Tell me more.", promptTokens: 2000, cachedTokens: cachedTokens);

        Assert.Equal(expectedMs, plan.TimeToFirstToken.TotalMilliseconds, 6);
    }

    [Theory]
    [InlineData(1920, 1024, 400 + (0.25 * 896))]
    [InlineData(1024, 1920, 400 - (0.25 * 896))]
    [InlineData(1920, 1920, 400)]
    [InlineData(128, 2048, 100)]
    public void A_replayed_request_moves_its_recorded_ttft_by_the_cached_tokens_then_minus_now_along_the_line(int recordedCached, int cachedNow, double expectedMs)
    {
        var replayed = Replayed(ProfileReplayTests.Profile(0).Classes[0] with { PromptTokens = 2200, Requests = [new RecordedRequest(400, 2, 12, recordedCached)] });

        var plan = replayed.Plan("Tell me more.", promptTokens: 2200, cachedTokens: cachedNow);

        Assert.Equal(expectedMs, plan.TimeToFirstToken.TotalMilliseconds, 6);
        Assert.Equal(cachedNow, plan.CachedTokens);
    }

    [Fact]
    public void A_grid_draw_moves_its_ttft_by_the_groups_mean_cached_tokens_minus_now()
    {
        var replayed = Replayed(ProfileReplayTests.Profile(0).Classes[0] with { PromptTokens = 2200, TtftMs = [.. RecordedProfile.StandardGrid.Select(_ => 400.0)], MeanCachedTokens = 1000 });

        var plan = replayed.Plan("Tell me more.", promptTokens: 2200, cachedTokens: 1920);

        Assert.Equal(400 - (0.25 * 920), plan.TimeToFirstToken.TotalMilliseconds, 6);
    }

    [Fact]
    public void A_replayed_plan_is_the_same_for_the_same_request_and_cached_tokens_and_only_its_ttft_follows_the_cache()
    {
        Random random = new(5);
        var requests = Enumerable.Range(0, 40).Select(i => new RecordedRequest(400 + random.Next(200), 2 + random.NextDouble(), 10 + random.Next(20), i % 2 == 0 ? 0 : 1920)).ToList();
        var replayed = Replayed(ProfileReplayTests.Profile(0).Classes[0] with { PromptTokens = 2200, Requests = requests });

        for (var seed = 0; seed < 40; seed++)
        {
            var once = replayed.Plan("Tell me more.", requestSeed: seed, promptTokens: 2200, cachedTokens: 1024);
            var again = replayed.Plan("Tell me more.", requestSeed: seed, promptTokens: 2200, cachedTokens: 1024);
            var uncached = replayed.Plan("Tell me more.", requestSeed: seed, promptTokens: 2200);

            Assert.Equal(once.TimeToFirstToken, again.TimeToFirstToken);
            Assert.Equal(once.InterTokenInterval, uncached.InterTokenInterval);
            Assert.Equal(once.CompletionTokens, uncached.CompletionTokens);
            Assert.Equal(0.25 * 1024, (uncached.TimeToFirstToken - once.TimeToFirstToken).TotalMilliseconds, 6);
        }
    }

    [Fact]
    public void More_cached_tokens_than_the_prompt_has_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact.Plan("Hi", promptTokens: 100, cachedTokens: 128));
    }

    private static LatencyProfile Replayed(RecordedGroup only) => LatencyProfile.Default with
    {
        Replay = new ProfileReplay(ProfileReplayTests.Profile(errorRate: 0) with { Classes = [only], TtftByPromptTokens = new FittedLine(100, 0.25, 50) }, replayErrors: false),
    };
}
