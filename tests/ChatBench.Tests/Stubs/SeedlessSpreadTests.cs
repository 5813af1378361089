using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Protocol;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// Requests without a <c>seed</c> (every SDK's default) walk the draw sequence per prompt, so a load test's repeats of
/// one prompt spread as the recording or the latency model does; requests with a <c>seed</c> stay exactly as they were.
/// Read from the stub's planned-TTFT header over real sockets. The draws are deterministic, so the bounds below are
/// met or missed the same way on every run.
/// </summary>
public sealed class SeedlessSpreadTests
{
    private const double TimeScale = 0.05;
    private const string Prompt = "What is the capital of Canada?";

    [Fact]
    public async Task Seedless_repeats_of_a_recorded_prompt_replay_its_recorded_requests_and_seeded_ones_stay_identical()
    {
        var recording = RecordedProfileFile.Read(Path.Combine(RepositoryRoot.Find(), "results", "reference-profile", "recording", "latency-profile.json"));
        var recorded = recording.Prompts.Single(p => p.Prompt == Prompt).Requests!.Select(r => r.TtftMs).ToList();
        using var stub = ChatCompletionsStub.Start(new StubOptions
        {
            Profile = LatencyProfile.Default with { TimeScale = TimeScale, Replay = new ProfileReplay(recording, replayErrors: false) },
        });

        var seedless = await PlannedTtftsAsync(stub, recorded.Count, seed: null);
        var seeded = await PlannedTtftsAsync(stub, 5, seed: 7);

        Assert.Equal(stub.Expect(Prompt).TimeToFirstToken.TotalMilliseconds, seedless[0], 0.001);
        Assert.True(seedless.Distinct().Count() > recorded.Count * 0.9, $"{seedless.Distinct().Count()} distinct plans of {recorded.Count}");
        Assert.InRange(KolmogorovSmirnov.Statistic(recorded, [.. seedless.Select(t => t / TimeScale)]), 0, 0.1);
        Assert.All(seeded, t => Assert.Equal(stub.Expect(Prompt, requestSeed: 7).TimeToFirstToken.TotalMilliseconds, t, 0.001));
    }

    [Fact]
    public async Task Seedless_repeats_under_the_latency_model_spread_over_its_jitter_band_and_seeded_ones_stay_identical()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = TimeScale } });
        var nominal = LatencyProfile.Default.TimeToFirstToken.TotalMilliseconds * TimeScale;
        const int Repeats = 200;

        var seedless = await PlannedTtftsAsync(stub, Repeats, seed: null);
        var seeded = await PlannedTtftsAsync(stub, 5, seed: 3);

        // The jitter draws uniformly within ±10 %: the largest gap between the repeats' CDF and that uniform one.
        var relative = seedless.Select(t => ((t / nominal) - 0.9) / 0.2).Order().ToList();
        var ks = relative.Select((x, i) => Math.Max(Math.Abs(x - ((double)i / Repeats)), Math.Abs(x - ((i + 1.0) / Repeats)))).Max();
        Assert.Equal(stub.Expect(Prompt).TimeToFirstToken.TotalMilliseconds, seedless[0], 0.001);
        Assert.True(seedless.Distinct().Count() > Repeats * 0.95, $"{seedless.Distinct().Count()} distinct plans of {Repeats}");
        Assert.InRange(ks, 0, 0.1);
        Assert.All(seeded, t => Assert.Equal(stub.Expect(Prompt, requestSeed: 3).TimeToFirstToken.TotalMilliseconds, t, 0.001));
    }

    /// <summary>The planned TTFTs of <paramref name="count"/> requests of the prompt, sent one after the other, in milliseconds.</summary>
    private static async Task<List<double>> PlannedTtftsAsync(ChatCompletionsStub stub, int count, long? seed)
    {
        using var http = TestHttp.Client();
        var seedField = seed is { } s ? $",\"seed\":{s}" : string.Empty;
        var body = $$"""{"model":"gpt-4o","max_tokens":1,"messages":[{"role":"user","content":"{{Prompt}}"}]{{seedField}}}""";
        var planned = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var response = await StubClient.PostChatAsync(http, stub, new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            planned.Add(double.Parse(response.Headers.GetValues(StubPlanHeaders.PlannedTtftMs).Single(), CultureInfo.InvariantCulture));
        }

        return planned;
    }
}
