using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Configuration;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// What the stub itself costs, so the other benchmarks can be trusted to measure the client and not the stub. The stub
/// runs as its own process and the benchmark reads that process's CPU time around each batch; the client is a bare
/// HttpClient, the cheapest there is. Compares the fast path with WireMock.Net's full mapping pipeline.
/// The stub is measured warm, as it is after the first seconds of any run: a fresh process spends its first few
/// thousand requests in tiered JIT compilation (several times the steady cost), so setup sends unmeasured rounds until
/// the cost per request stops falling.
/// </summary>
[SummarySection(
    9,
    "The stub's own cost",
    "The stub in a process of its own, its CPU time per request read around each batch: the fast path against WireMock.Net's mapping pipeline (Server CPU/req in its report).")]
[BenchmarkCategory(BenchmarkCategories.Stub)]
[StubOnly("measures the cost of its own local stub processes")]
public class StubCostBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int InFlight = 1000;
    public const int Streams = 100;

    /// <summary>A quarter of real time: the hockey answer takes about 0.55 s, long enough to keep 1,000 requests in flight.</summary>
    public const double TimeScale = 0.25;

    /// <summary>Unmeasured stream batches before the completions: the request path they share warms with the completions.</summary>
    public const int StreamWarmUpRounds = 1;

    /// <summary>
    /// At least this many unmeasured batches of completions. Measured on this machine, a fresh fast-path stub cost
    /// 480, 260, 480, 550 and 270 us per request in its first five batches, then 50-70 us; the WireMock.Net pipeline
    /// about 1,000 us for four batches, then 780, 480, 330, 330 and 310 us.
    /// </summary>
    public const int MinCompletionWarmUpRounds = 6;

    public const int MaxCompletionWarmUpRounds = 12;

    // Each request has its own seed, so the stub's jitter spreads first tokens over ±10 % as in a real batch
    // instead of making all of them due in the same millisecond.
    private static readonly byte[][] CompletionBodies = Enumerable.Range(0, InFlight).Select(i => RequestBody(stream: false, seed: i)).ToArray();
    private static readonly byte[][] StreamBodies = Enumerable.Range(0, Streams).Select(i => RequestBody(stream: true, seed: i)).ToArray();

    private StubProcess? server;
    private HttpClient http = null!;
    private Uri completions = null!;
    private IReadOnlyList<PlannedPrompt> planned = [];

    /// <summary>Nothing reaches the run's target: every request goes to the stub process this class starts.</summary>
    public RequestBudget Budget(TargetKind target, string method) => RequestBudget.None;

    [Params("fast", "wiremock")]
    public string Pipeline { get; set; } = "fast";

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task Completions1000() => RunAsync(InFlight, SendCompletionAsync);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task Streams100() => RunAsync(Streams, SendStreamAsync);

    protected override void Setup()
    {
        server = StubProcess.Start(StubProcess.Arguments(TimeScale, Target.GroundTruth?.Seed ?? 1, Pipeline));
        completions = new Uri(server.BaseUri + "/chat/completions");
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) };
        var profile = LatencyProfile.Default with { TimeScale = TimeScale, Seed = Target.GroundTruth?.Seed ?? 1 };
        planned = PlannedPrompt.For(
            Enumerable.Range(0, InFlight).Select(i => new ChatPrompt(DefaultPromptRules.LongQuestion, i)).ToList(), profile);
        WarmUp();
    }

    protected override void Cleanup()
    {
        http.Dispose();
        server?.Dispose();
    }

    private void WarmUp()
    {
        var scratch = new RecordLog(Path.Combine(Path.GetTempPath(), "chatbench-stub-warm-up"), Pipeline);
        void Round(int requests, Func<int, BatchRecorder, Task> send)
        {
            var batch = scratch.Begin(requests);
            Task.WaitAll(Enumerable.Range(0, requests).Select(i => send(i, batch)));
            batch.Complete();
        }

        for (var round = 0; round < StreamWarmUpRounds; round++)
        {
            Round(Streams, SendStreamAsync);
        }

        // Settled: the last two batches both close to the cheapest of all, after a few batches at least (early on, the
        // cheapest is still high). The slack covers the CPU clock's 10 ms ticks.
        var costs = new List<double>();
        while (costs.Count < MaxCompletionWarmUpRounds)
        {
            var cpu = server!.CpuTime;
            Round(InFlight, SendCompletionAsync);
            costs.Add((server.CpuTime - cpu).TotalMicroseconds / InFlight);
            var settled = (costs.Min() * 1.3) + 20;
            if (costs.Count >= MinCompletionWarmUpRounds && costs[^1] <= settled && costs[^2] <= settled)
            {
                break;
            }
        }

        Console.WriteLine($"// Stub warm-up: {costs.Count} batches of {InFlight} completions, server CPU per request [us]: {string.Join(' ', costs.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))}");
    }

    private async Task RunAsync(int requests, Func<int, BatchRecorder, Task> send, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var batch = BeginBatch(requests, method);
        var cpuBefore = server!.CpuTime;
        var tasks = new Task[requests];
        for (var i = 0; i < requests; i++)
        {
            tasks[i] = send(i, batch);
        }

        await Task.WhenAll(tasks);
        batch.ServerCpuMs = (server.CpuTime - cpuBefore).TotalMilliseconds;
        batch.Complete();
    }

    private async Task SendCompletionAsync(int index, BatchRecorder batch)
    {
        var start = batch.Now();
        try
        {
            using var content = new ByteArrayContent(CompletionBodies[index]);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync(completions, content);
            var body = await response.Content.ReadAsByteArrayAsync();
            var end = batch.Now();
            int? tokens = null;
            var outcome = response.StatusCode == HttpStatusCode.OK ? RequestRecord.Ok : $"http {(int)response.StatusCode}";
            if (outcome == RequestRecord.Ok)
            {
                using var json = JsonDocument.Parse(body);
                var answer = RawChatCompletion.Parse(json.RootElement);
                tokens = answer.OutputTokens;
                outcome = AnswerRule.Outcome(answer.Content.Length > 0, tokens, answer.FinishReason, maxTokensSet: false);
            }

            batch.Add(planned[index].Streamed(start, null, end, end, tokens, outcome, null));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            batch.Add(planned[index].Streamed(start, null, null, batch.Now(), null, ChatCall.OutcomeOf(e), null));
        }
    }

    /// <summary>Reads the SSE stream line by line: the first content delta (not the role event) is the first token.</summary>
    private async Task SendStreamAsync(int index, BatchRecorder batch)
    {
        var start = batch.Now();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, completions) { Content = new ByteArrayContent(StreamBodies[index]) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                batch.Add(planned[index].Streamed(start, null, null, batch.Now(), null, $"http {(int)response.StatusCode}", null));
                return;
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
            double? first = null, last = null;
            int? tokens = null;
            string? finishReason = null;
            var done = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data: [DONE]", StringComparison.Ordinal))
                {
                    done = true;
                    break;
                }

                if (line.Contains("\"delta\":{\"content\":", StringComparison.Ordinal))
                {
                    last = batch.Now();
                    first ??= last;
                }
                else if (line.Contains("\"usage\":{", StringComparison.Ordinal) || line.Contains("\"finish_reason\":\"", StringComparison.Ordinal))
                {
                    using var json = JsonDocument.Parse(line.AsMemory("data: ".Length));
                    tokens = RawChatCompletion.OutputTokensOf(json.RootElement) ?? tokens;
                    var choices = json.RootElement.GetProperty("choices");
                    finishReason = (choices.GetArrayLength() > 0 ? RawChatCompletion.FinishReasonOf(choices[0]) : null) ?? finishReason;
                }
            }

            var outcome = done ? AnswerRule.Outcome(first is not null, tokens, finishReason, maxTokensSet: false) : "incomplete stream";
            batch.Add(planned[index].Streamed(start, first, last, batch.Now(), tokens, outcome, null));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            batch.Add(planned[index].Streamed(start, null, null, batch.Now(), null, ChatCall.OutcomeOf(e), null));
        }
    }

    private static byte[] RequestBody(bool stream, int seed)
    {
        var body = new Dictionary<string, object>
        {
            ["model"] = "gpt-4o",
            ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = DefaultPromptRules.LongQuestion } },
            ["seed"] = seed,
        };
        if (stream)
        {
            body["stream"] = true;
            body["stream_options"] = new Dictionary<string, bool> { ["include_usage"] = true };
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
