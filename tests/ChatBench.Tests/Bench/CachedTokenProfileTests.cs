using System.Text.Json;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>A latency profile recorded from requests the provider partly answered from its cache, on disk and read back.</summary>
public sealed class CachedTokenProfileTests
{
    private const string Turn = "Tell me more.";
    private const string Greeting = "Hi";

    // The recorded provider: 100 ms plus 0.5 ms per prompt token it prefills.
    private const double InterceptMs = 100;
    private const double PrefillMsPerToken = 0.5;

    [Fact]
    public void A_recording_keeps_each_requests_cached_tokens_and_each_groups_mean_and_hit_share()
    {
        var profile = LatencyProfileReport.Build(Results());

        var turn = Assert.Single(profile.Prompts, p => p.Prompt == Turn);
        Assert.Equal((3 * 1920 + 3 * 2048) / 10.0, turn.MeanCachedTokens);
        Assert.Equal(0.6, turn.CacheHitShare);
        Assert.Equal([0, 0, 0, 0, 1920, 1920, 1920, 2048, 2048, 2048], turn.Requests!.Select(r => r.CachedTokens ?? -1).Order());

        // The greeting's provider answers said nothing of a cache: no figures, rather than a made-up zero.
        var greeting = Assert.Single(profile.Classes, c => c.Class == "greeting");
        Assert.Null(greeting.MeanCachedTokens);
        Assert.Null(greeting.CacheHitShare);
        Assert.All(greeting.Requests!, r => Assert.Null(r.CachedTokens));
    }

    [Fact]
    public void The_ttft_line_is_fitted_on_uncached_prompt_tokens()
    {
        var line = LatencyProfileReport.Build(Results()).TtftByPromptTokens;

        Assert.Equal(PrefillMsPerToken, line.SlopeMsPerToken, 9);
        Assert.Equal(InterceptMs, line.InterceptMs, 6);
        Assert.Equal(15, line.Samples);

        // Against whole prompts, the six fast cached turns of 2,200 tokens would have flattened the slope to under half.
        var againstWholePrompts = FittedLine.Fit([.. Records().Select(r => ((double)r.PromptTokens!.Value, r.TtftMs!.Value))]);
        Assert.True(againstWholePrompts.SlopeMsPerToken < PrefillMsPerToken / 2, $"{againstWholePrompts.SlopeMsPerToken} ms per token");
    }

    [Fact]
    public void Cached_tokens_survive_the_profile_file_and_are_left_out_where_nothing_was_said()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chatbench-profile-").FullName, "latency-profile.json");
        var written = LatencyProfileReport.Build(Results());
        RecordedProfileFile.Write(written, path);

        var read = RecordedProfileFile.Read(path);

        var turn = Assert.Single(read.Prompts, p => p.Prompt == Turn);
        Assert.Equal(written.Prompts.Single(p => p.Prompt == Turn).Requests, turn.Requests);
        Assert.Equal(1190.4, turn.MeanCachedTokens);
        Assert.Equal(0.6, turn.CacheHitShare);
        Assert.Equal(written.TtftByPromptTokens, read.TtftByPromptTokens);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var greeting = json.RootElement.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("class").GetString() == "greeting");
        Assert.False(greeting.TryGetProperty("meanCachedTokens", out _));
        Assert.False(greeting.GetProperty("requests")[0].TryGetProperty("cachedTokens", out _));
        Assert.True(json.RootElement.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("class").GetString() == "turn").GetProperty("requests")[0].TryGetProperty("cachedTokens", out _));
    }

    [Fact]
    public void A_profile_written_before_cached_tokens_were_kept_reads_and_replays_as_wholly_uncached()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chatbench-profile-").FullName, "old.json");
        File.WriteAllText(path, """
            {
              "schemaVersion": 1, "target": "live", "model": "gpt-4o", "dateUtc": "2025-01-01T00:00:00+00:00",
              "quantileGrid": [0, 1],
              "prompts": [],
              "classes": [
                {
                  "class": "any", "promptTokens": 2000, "samples": 1,
                  "ttftMs": [400, 400], "itlMs": [2, 2], "outputTokens": [12, 12], "e2eMs": [422, 422],
                  "requests": [{ "ttftMs": 400, "itlMs": 2, "outputTokens": 12 }]
                }
              ],
              "ttftByPromptTokens": { "interceptMs": 100, "slopeMsPerToken": 0.1, "samples": 50 },
              "errors": { "requests": 1, "kinds": {} }
            }
            """);

        var profile = RecordedProfileFile.Read(path);
        var replay = LatencyProfile.Default with { Replay = new ProfileReplay(profile, replayErrors: false) };

        Assert.Null(Assert.Single(profile.Classes).MeanCachedTokens);
        Assert.Null(Assert.Single(profile.Classes[0].Requests!).CachedTokens);
        Assert.Equal(400, replay.Plan("Tell me more.", promptTokens: 2000).TimeToFirstToken.TotalMilliseconds, 6);
        Assert.Equal(400 - (0.1 * 1920), replay.Plan("Tell me more.", promptTokens: 2000, cachedTokens: 1920).TimeToFirstToken.TotalMilliseconds, 6);
    }

    private static ResultsFile Results() => new()
    {
        SchemaVersion = ResultsFile.CurrentSchemaVersion,
        Run = new RunDescription { Target = "live", BaseUrl = "https://api.example/v1", Model = "gpt-4o", DateUtc = DateTimeOffset.UnixEpoch, WarmupIterations = 1, MeasuredIterations = 3 },
        Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios.StreamingBenchmarks", Name = "StreamingBenchmarks" },
        Cases = [new CaseResult { Method = "Streams", Success = true, Requests = Records() }],
    };

    /// <summary>
    /// Ten turns of 2,200 prompt tokens, four uncached, three with 1,920 cached and three with 2,048; five greetings of
    /// 200 tokens from answers without cached tokens. Each TTFT is the provider's line at its uncached tokens.
    /// </summary>
    private static List<RequestRecord> Records() =>
    [
        .. Enumerable.Range(0, 10).Select(i => Record(Turn, "turn", 2200, i switch { < 4 => 0, < 7 => 1920, _ => 2048 })),
        .. Enumerable.Range(0, 5).Select(_ => Record(Greeting, "greeting", 200, null)),
    ];

    private static RequestRecord Record(string prompt, string promptClass, int promptTokens, int? cachedTokens)
    {
        var ttft = InterceptMs + (PrefillMsPerToken * (promptTokens - (cachedTokens ?? 0)));
        return new RequestRecord
        {
            Index = 0,
            PromptClass = promptClass,
            Prompt = prompt,
            PromptTokens = promptTokens,
            CachedTokens = cachedTokens,
            StartMs = 0,
            FirstTokenMs = ttft,
            LastTokenMs = ttft + (19 * 10),
            EndMs = ttft + (19 * 10),
            OutputTokens = 20,
            Outcome = RequestOutcome.Answered,
        };
    }
}
