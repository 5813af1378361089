using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs.Metrics;

/// <summary>
/// <c>/metrics</c> read as a Prometheus server would, after a foreign client (the OpenAI SDK, raw HTTP) sent requests
/// with known outcomes: vLLM's counters and histograms hold exactly what the client saw.
/// </summary>
public sealed class MetricsEndpointTests
{
    private const string Model = "gpt-4o";
    private static readonly (string, string) OfModel = ("model_name", Model);

    [Theory]
    [InlineData(StubPipeline.FastPath)]
    [InlineData(StubPipeline.WireMockMapping)]
    public async Task Counters_and_histograms_equal_what_the_client_saw_by_outcome(StubPipeline pipeline)
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions
        {
            Profile = LatencyProfile.Default with { TimeScale = 0.05 },
            Pipeline = pipeline,
            Faults = new StubFaults { MaxConcurrency = 2 },
        });
        var client = StubClient.For(stub);
        var cancel = TestContext.Current.CancellationToken;

        // Five at once against two allowed in flight: some are refused with 429.
        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                return (ChatCompletion?)await client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: cancel);
            }
            catch (ClientResultException e) when (e.Status == 429)
            {
                return null;
            }
        }));
        var answers = burst.OfType<ChatCompletion>().ToList();
        var limited = burst.Count(a => a is null);

        // One after the other: cut by max_tokens, a long prompt twice (the second hits the prefix cache), streams.
        var cut = new ChatCompletionOptions { MaxOutputTokenCount = 3 };
        for (var i = 0; i < 2; i++)
        {
            answers.Add(await client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cut, cancel));
            answers.Add(await client.CompleteChatAsync([new UserChatMessage(PromptText.OfTokens(PrefixCache.MinimumPromptTokens + 300))], cancellationToken: cancel));
        }

        var streamed = new List<ChatTokenUsage>();
        for (var i = 0; i < 3; i++)
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("What is 2+2?")], cancellationToken: cancel))
            {
                if (update.Usage is { } usage)
                {
                    streamed.Add(usage);
                }
            }
        }

        using var http = TestHttp.Client();
        const int BadRequests = 2;
        for (var i = 0; i < BadRequests; i++)
        {
            using var bad = await StubClient.PostChatAsync(http, stub, new StringContent("""{"model":"gpt-4o"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var successes = answers.Count + streamed.Count;
        var metrics = await ScrapeSettledAsync(http, stub, successes);
        var usages = answers.Select(a => a.Usage).Concat(streamed).ToList();
        var stops = answers.Count(a => a.FinishReason == ChatFinishReason.Stop) + streamed.Count;

        Assert.InRange(limited, 1, 3);
        Assert.Equal(stops, metrics.Value("vllm:request_success_total", OfModel, ("finished_reason", "stop")));
        Assert.Equal(2, metrics.Value("vllm:request_success_total", OfModel, ("finished_reason", "length")));
        Assert.Equal(usages.Sum(u => u.InputTokenCount), metrics.Value("vllm:prompt_tokens_total", OfModel));
        Assert.Equal(usages.Sum(u => u.OutputTokenCount), metrics.Value("vllm:generation_tokens_total", OfModel));
        Assert.Equal(usages.Sum(u => u.InputTokenCount), metrics.Value("vllm:prefix_cache_queries_total", OfModel));
        Assert.Equal(usages.Sum(u => u.InputTokenDetails?.CachedTokenCount ?? 0), metrics.Value("vllm:prefix_cache_hits_total", OfModel));
        Assert.True(metrics.Value("vllm:prefix_cache_hits_total", OfModel) > 0);
        foreach (var histogram in new[] { "vllm:time_to_first_token_seconds", "vllm:e2e_request_latency_seconds", "vllm:request_queue_time_seconds" })
        {
            Assert.Equal("histogram", metrics.TypeOf(histogram));
            Assert.Equal(successes, metrics.Value(histogram + "_count", OfModel));
        }

        Assert.Equal(usages.Sum(u => u.OutputTokenCount - 1), metrics.Value("vllm:inter_token_latency_seconds_count", OfModel));
        Assert.Equal(metrics.Value("vllm:inter_token_latency_seconds_sum", OfModel), metrics.Value("vllm:time_per_output_token_seconds_sum", OfModel));
        Assert.InRange(metrics.Value("vllm:time_to_first_token_seconds_sum", OfModel), 0.001, metrics.Value("vllm:e2e_request_latency_seconds_sum", OfModel));
        Assert.Equal(successes, metrics.Value("chatbench_stub_requests_total", ("outcome", "success")));
        Assert.Equal(limited, metrics.Value("chatbench_stub_requests_total", ("outcome", "rate_limited")));
        Assert.Equal(BadRequests, metrics.Value("chatbench_stub_requests_total", ("outcome", "bad_request")));
        Assert.Equal(0, metrics.Value("chatbench_stub_requests_total", ("outcome", "server_error")));
    }

    [Fact]
    public async Task A_capacity_limited_stub_shows_requests_running_and_waiting_while_it_holds_them()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions
        {
            Profile = LatencyProfile.Default with { TimeScale = 0.5 },
            Capacity = new CapacityModel { Slots = 1 },
        });
        var client = StubClient.For(stub);
        using var http = TestHttp.Client();
        var cancel = TestContext.Current.CancellationToken;

        // Three hockey answers of about 1.05 s each through one slot: one runs while two wait for a second, long enough
        // for a scrape to see it on a loaded machine.
        var sent = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: cancel)));
        var (running, waiting) = (0.0, 0.0);
        // Until a scrape sees one running and two waiting: a scrape that falls between the first answer's end and the
        // second's admission reads none running and two waiting, a real hand-over any server's gauges show.
        while (!sent.IsCompleted && (running, waiting) != (1.0, 2.0))
        {
            var held = PrometheusText.Parse(await http.GetStringAsync(new Uri(stub.Url, "/metrics"), cancel));
            (running, waiting) = (held.Value("vllm:num_requests_running", OfModel), held.Value("vllm:num_requests_waiting", OfModel));
        }

        await sent;
        var after = await ScrapeSettledAsync(http, stub, 3);

        Assert.Equal((1.0, 2.0), (running, waiting));
        Assert.Equal("gauge", after.TypeOf("vllm:num_requests_running"));
        Assert.Equal(0, after.Value("vllm:num_requests_waiting", OfModel));
        Assert.Equal(3, after.Value("vllm:request_queue_time_seconds_count", OfModel));
        // The stub never answers early, so the second and third waited at least one and two answers' planned time, each
        // at least 0.99 s (2.2 s less the 10 % jitter, at time scale 0.5): 2.97 s together at the least.
        Assert.True(after.Value("vllm:request_queue_time_seconds_sum", OfModel) > 2.9);
    }

    [Fact]
    public async Task A_stub_with_metrics_off_answers_404_at_the_metrics_route()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Metrics = false });
        using var http = TestHttp.Client();

        using var response = await http.GetAsync(new Uri(stub.Url, "/metrics"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Only_metric_names_get_vllms_colon_never_a_label_value_that_looks_like_one()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Models = ["vllm_model"], Profile = LatencyProfile.Default with { TimeScale = 0.01 } });
        using var http = TestHttp.Client();
        await StubClient.For(stub, model: "vllm_model").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken);

        var metrics = await ScrapeSettledAsync(http, stub, 1, "vllm_model");

        // Besides vLLM's names and the stub's extras, only the standard process collector's CPU counter (vLLM exports it too).
        Assert.All(metrics.Samples.Select(s => s.Name), name => Assert.True(name.StartsWith("vllm:", StringComparison.Ordinal) || name.StartsWith("chatbench_", StringComparison.Ordinal) || name == "process_cpu_seconds_total", name));
        Assert.Equal(1, metrics.Value("vllm:request_success_total", ("model_name", "vllm_model"), ("finished_reason", "stop")));
    }

    [Fact]
    public async Task The_process_cpu_time_is_exported_and_grows_with_the_work_done()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = 0.01 } });
        using var http = TestHttp.Client();
        var client = StubClient.For(stub);
        var cancel = TestContext.Current.CancellationToken;
        var before = (await ScrapeSettledAsync(http, stub, 0)).Value("process_cpu_seconds_total");

        // The process's clock ticks every 10 ms: a hundred answers and their scrape take several ticks of CPU.
        for (var i = 0; i < 100; i++)
        {
            await client.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: cancel);
        }

        var after = (await ScrapeSettledAsync(http, stub, 100)).Value("process_cpu_seconds_total");

        Assert.True(before > 0, $"process_cpu_seconds_total was {before} before any request");
        Assert.True(after > before, $"process_cpu_seconds_total stayed at {before} over a hundred answers");
    }

    /// <summary>The stub counts an answer just after its last write, so the scrape waits (at most ten seconds) for every success to be counted.</summary>
    private static async Task<PrometheusText> ScrapeSettledAsync(HttpClient http, ChatCompletionsStub stub, int successes, string model = Model)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
        while (true)
        {
            var metrics = PrometheusText.Parse(await http.GetStringAsync(new Uri(stub.Url, "/metrics"), TestContext.Current.CancellationToken));
            if (metrics.Value("vllm:e2e_request_latency_seconds_count", ("model_name", model)) >= successes || Stopwatch.GetTimestamp() > deadline)
            {
                return metrics;
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
