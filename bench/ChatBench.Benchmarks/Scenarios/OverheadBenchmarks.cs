using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// ChatBench's own cost per request, one request at a time, taken apart: measured minus planned end-to-end, and its
/// parts. The stub reports when its handler started and how late it wrote the answer (its scheduling error); a handler
/// under the client notes when the request reached it (before that, the client building the request; after it, the wire
/// in up to the stub's handler) and when the response's headers were parsed (the way back); from there to the end of
/// the call is the client's parse; from the call's end until the benchmark has the record back is the harness's
/// recording. Both the SDK and the raw client send through such a handler, each over its own
/// HttpClient (the SDK's default shares a static one with the same kind of connection handler).
/// </summary>
[SummarySection(
    10,
    "The measurement floor: ChatBench's own overhead per request",
    "Short answers one at a time through the SDK and the raw HttpClient, and streamed through the SDK: measured minus planned time per request, split into the stub's own lateness, the client building the request, the wire in, the way back, the client's parse and the harness's recording (microseconds, medians over requests; the parts' medians need not add up to the total's).",
    Table = TableKind.Overhead,
    Chart = ChartKind.None)]
[BenchmarkCategory(BenchmarkCategories.Floor)]
public class OverheadBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>Requests per call: short answers (about 50 ms at the default time scale), enough for a median in five calls.</summary>
    public const int Requests = 10;

    private readonly StubTimingHandler sdkTiming = new();
    private readonly StubTimingHandler rawTiming = new();
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private HttpClient sdkHttp = null!;
    private RawChatHttpClient raw = null!;
    private SdkChatCall sdk = null!;
    private SdkStreamingChatCall sdkStreaming = null!;
    private RawChatCall rawCall = null!;

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(ShortAnswers());

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Sequential)]
    public Task SdkCompletion() => OneAtATimeAsync(sdkTiming, sdk);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Sequential)]
    public Task RawCompletion() => OneAtATimeAsync(rawTiming, rawCall);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Sequential)]
    public Task SdkStream() => OneAtATimeAsync(sdkTiming, sdkStreaming);

    protected override void Setup()
    {
        prompts = PlannedPrompt.For(ShortAnswers(), Target.GroundTruth);
        sdkHttp = new HttpClient(sdkTiming.Over(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var client = ChatClientFactory.Create(Target, sdkHttp);
        sdk = new SdkChatCall(client);
        sdkStreaming = new SdkStreamingChatCall(client);
        raw = new RawChatHttpClient(Target, rawTiming);
        rawCall = new RawChatCall(raw);
    }

    protected override void Cleanup()
    {
        raw.Dispose();
        sdkHttp.Dispose();
    }

    private static IReadOnlyList<ChatPrompt> ShortAnswers() =>
        Enumerable.Range(0, Requests).Select(i => new ChatPrompt(DefaultPromptRules.ShortQuestion, i)).ToList();

    /// <summary>Sends the prompts one after the other, each record completed with its timing parts.</summary>
    private Task OneAtATimeAsync(StubTimingHandler timing, IChatCall call, [CallerMemberName] string method = "") =>
        RunBatchAsync(
            prompts.Count,
            async batch =>
            {
                foreach (var prompt in prompts)
                {
                    await call.SendAsync(prompt, batch);
                    Attach(batch, prompt.Index, timing);
                }
            },
            method);

    /// <summary>
    /// Adds the stub's report and the moment the headers arrived to the request's record, after the call returned:
    /// outside the request's own measured time.
    /// </summary>
    private static void Attach(BatchRecorder batch, int index, StubTimingHandler timing)
    {
        var returned = batch.Now();
        if (batch[index] is not { } record)
        {
            return;
        }

        batch.Add(record with
        {
            Timing = new RequestTiming
            {
                StubLateMs = timing.StubLate?.TotalMilliseconds,
                StubLastLateMs = timing.StubLastLate?.TotalMilliseconds,
                SentMs = batch.At(timing.SentTimestamp),
                StubStartMs = timing.StubStartTimestamp is { } started ? batch.At(started) : null,
                HeadersMs = batch.At(timing.HeadersTimestamp),
                ReturnedMs = returned,
            },
        });
    }
}
