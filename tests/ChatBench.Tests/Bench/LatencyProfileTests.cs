using System.Net.Sockets;
using System.Text.Json;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>latency-profile.json: what a streaming run's results become, its schema on disk, and how the stub replays it.</summary>
public sealed class LatencyProfileTests
{
    private const string Short = "What is the capital of Canada?";
    private const string Long = "Explain in two sentences why streaming answers feel faster than waiting for the whole reply.";

    [Fact]
    public void A_streaming_run_becomes_a_profile_per_prompt_and_class_with_errors_by_kind_and_no_key()
    {
        var profile = LatencyProfileReport.Build(Results());

        Assert.Equal(RecordedProfile.CurrentSchemaVersion, profile.SchemaVersion);
        Assert.Equal("live", profile.Target);
        Assert.Equal("my.jsonl", profile.Workload);
        Assert.Equal(101, profile.QuantileGrid.Count);
        var shortClass = Assert.Single(profile.Classes, c => c.Class == "short");
        Assert.Equal(40, shortClass.Samples);
        Assert.Equal(100, shortClass.TtftMs[0]);
        Assert.Equal(139, shortClass.TtftMs[^1]);
        Assert.Equal(119.5, shortClass.TtftMs[50]);
        Assert.Equal(40, shortClass.Requests!.Count);
        Assert.Equal(2, profile.Prompts.Count);

        // TTFT is 100 + i ms for 13 prompt tokens and 300 + i ms for 25: the line rises 200 ms over 12 tokens.
        Assert.Equal(200.0 / 12, profile.TtftByPromptTokens.SlopeMsPerToken, 6);
        Assert.Equal(84, profile.Errors.Requests);
        Assert.Equal(2, profile.Errors.Kinds[ErrorKinds.RateLimited].Count);
        Assert.Equal(2.0 / 84, profile.Errors.Kinds[ErrorKinds.RateLimited].Rate, 12);
        Assert.Equal(1, profile.Errors.Kinds[ErrorKinds.ServerError].Count);
        Assert.Equal(1, profile.Errors.Kinds[ErrorKinds.Cut].Count);
    }

    [Fact]
    public void A_refused_connection_and_a_filtered_answer_are_other_failures_not_cut_streams()
    {
        var results = Results() with
        {
            Cases =
            [
                new CaseResult
                {
                    Method = "Streams",
                    Success = true,
                    Requests =
                    [
                        Sample(Short, "short", 13, RequestOutcome.Answered, 100, 10, 290, 20),
                        Sample(Short, "short", 13, FailureOutcome.Of(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))), null, null, 1, null),
                        Sample(Short, "short", 13, AnswerRule.Outcome(new AnswerFacts(HasContent: true, 6, "content_filter", MaxTokensSet: false)), null, null, 150, null),
                    ],
                },
            ],
        };

        var kinds = LatencyProfileReport.Build(results).Errors.Kinds;

        Assert.Equal(2, kinds[ErrorKinds.Other].Count);
        Assert.False(kinds.ContainsKey(ErrorKinds.Cut));
    }

    [Fact]
    public void The_profile_file_has_the_documented_schema_and_reads_back()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chatbench-profile-").FullName, "latency-profile.json");
        RecordedProfileFile.Write(LatencyProfileReport.Build(Results()), path);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        foreach (var field in (string[])["schemaVersion", "target", "baseUrl", "model", "dateUtc", "quantileGrid", "prompts", "classes", "ttftByPromptTokens", "errors"])
        {
            Assert.True(root.TryGetProperty(field, out _), $"no {field}");
        }

        var group = root.GetProperty("classes")[0];
        foreach (var field in (string[])["class", "promptTokens", "samples", "ttftMs", "itlMs", "outputTokens", "e2eMs", "requests"])
        {
            Assert.True(group.TryGetProperty(field, out _), $"no classes[].{field}");
        }

        Assert.Equal(2, RecordedProfileFile.Read(path).Classes.Count);
    }

    [Theory]
    [InlineData("not json", "is not a readable latency profile")]
    [InlineData("{\"target\": \"live\"}", "has no schemaVersion")]
    [InlineData("{\"schemaVersion\": 9}", "schema version 9")]
    public void A_bad_profile_file_is_refused_with_its_name_and_reason(string content, string expected)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chatbench-profile-").FullName, "bad.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => RecordedProfileFile.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_replay_plays_recorded_prompts_from_their_own_requests_and_others_from_the_nearest_class_along_the_line()
    {
        var profile = LatencyProfile.Default with { Replay = new ProfileReplay(LatencyProfileReport.Build(Results()), replayErrors: false) };

        var shortPlans = Enumerable.Range(0, 40).Select(i => profile.Plan(Short, null, i, 13)).ToList();
        Assert.All(shortPlans, p => Assert.InRange(p.TimeToFirstToken.TotalMilliseconds, 100, 139));
        Assert.All(shortPlans, p => Assert.Equal(20, p.CompletionTokens));
        Assert.Equal(shortPlans.Select(p => p.TimeToFirstToken), Enumerable.Range(0, 40).Select(i => profile.Plan(Short, null, i, 13).TimeToFirstToken));

        // Draws spread evenly: 40 requests of a 40-request recording hit at least 30 distinct ones.
        Assert.True(shortPlans.Select(p => p.TimeToFirstToken).Distinct().Count() >= 30);

        // 15 prompt tokens: nearest the short class (13), moved 2 tokens up the line.
        var unseen = profile.Plan("Something never recorded", null, 0, 15);
        Assert.InRange(unseen.TimeToFirstToken.TotalMilliseconds, 100 + (2 * 200.0 / 12), 139 + (2 * 200.0 / 12));
        Assert.Equal("short", unseen.Rule.Name);
        Assert.Equal(60, profile.Plan(Long, null, 3, 25).CompletionTokens);
        Assert.Equal("length", profile.Plan(Long, 10, 3, 25).FinishReason);
    }

    [Fact]
    public void Recorded_errors_replay_only_when_asked()
    {
        var recorded = LatencyProfileReport.Build(Results()) with
        {
            Errors = new RecordedErrors { Requests = 10, Kinds = new Dictionary<string, RecordedErrorKind> { [ErrorKinds.RateLimited] = new(10, 1.0, 5) } },
        };

        Assert.Null((LatencyProfile.Default with { Replay = new ProfileReplay(recorded, replayErrors: false) }).Plan(Short).Fault);
        Assert.Equal(ErrorKinds.RateLimited, (LatencyProfile.Default with { Replay = new ProfileReplay(recorded, replayErrors: true) }).Plan(Short).Fault?.Kind);
    }

    /// <summary>A live streaming run: 40 short requests (TTFT 100-139 ms), 40 long ones (300-339 ms), 4 failures.</summary>
    private static ResultsFile Results()
    {
        var requests = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            Sample(Short, "short", 13, RequestOutcome.Answered, 100 + i, 10, 100 + i + (19 * 10), 20),
            Sample(Long, "long", 25, RequestOutcome.Answered, 300 + i, 12, 300 + i + (59 * 12), 60),
        }).Concat(
        [
            Sample(Short, "short", 13, RequestOutcome.HttpStatus(429), null, null, 5, null),
            Sample(Short, "short", 13, RequestOutcome.HttpStatus(429), null, null, 7, null),
            Sample(Long, "long", 25, RequestOutcome.HttpStatus(503), null, null, 9, null),
            Sample(Long, "long", 25, RequestOutcome.Cut("HttpIOException"), null, null, 400, null),
        ]).ToList();
        return new ResultsFile
        {
            SchemaVersion = ResultsFile.CurrentSchemaVersion,
            Run = new RunDescription { Target = "live", BaseUrl = "https://api.example/v1", Model = "gpt-4o", DateUtc = DateTimeOffset.UnixEpoch, WarmupIterations = 1, MeasuredIterations = 3, Workload = "/home/me/my.jsonl" },
            Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios.StreamingBenchmarks", Name = "StreamingBenchmarks" },
            Cases = [new CaseResult { Method = "Streams", Success = true, Requests = requests }],
        };
    }

    /// <summary>
    /// A measured request as a streaming case records it, from its start: first token at <paramref name="ttft"/>, last
    /// content and end at <paramref name="e2e"/>; <paramref name="itl"/> is what (E2E - TTFT) / (tokens - 1) gives, for the reader.
    /// </summary>
    private static RequestRecord Sample(string? prompt, string promptClass, int promptTokens, RequestOutcome outcome, double? ttft, double? itl, double e2e, int? outputTokens)
    {
        Assert.True(itl is null || outputTokens is null || Math.Abs(((e2e - ttft!.Value) / (outputTokens.Value - 1)) - itl.Value) < 1e-9, "the sample's ITL follows from its times");
        return new RequestRecord
        {
            Index = 0,
            PromptClass = promptClass,
            Prompt = prompt,
            PromptTokens = promptTokens,
            StartMs = 0,
            FirstTokenMs = ttft,
            LastTokenMs = outcome.Succeeded ? e2e : null,
            EndMs = e2e,
            OutputTokens = outputTokens,
            Outcome = outcome,
        };
    }
}
