using System.Net;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The floor under <see cref="OpenLoopGeneratorBenchmarks"/>: the same seeded Poisson schedules, the same streamed short
/// question to the same stub, sent by <see cref="BareOpenLoopSender"/> (a dedicated thread, pre-built request bytes,
/// connections opened in setup, no allocation on the send path) instead of the SDK. Its send lag is what this runtime
/// and machine allow; the generator's divided by it is what ChatBench's own sending adds. Heavy: <c>--allCategories heavy</c>.
/// </summary>
[SummarySection(
    11,
    "Open loop: the floor under the generator",
    "Send lag of the least code that keeps the same schedules (a dedicated thread writing pre-built requests to connections opened before the schedule), against the same stub: what the generator's send lag is judged against.",
    Table = TableKind.SendLag)]
[LoadGeneratorRuntime]
[BenchmarkCategory(BenchmarkCategories.OpenLoop, BenchmarkCategories.Heavy)]
[StubOnly("writes raw HTTP/1.1 to the stub's plain-text port")]
[WarmupCount(0)]
[IterationCount(1)]
public class OpenLoopFloorBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>How long after the last send the run waits for answers still out.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private double[] offsets = [];
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private byte[][] requests = [];
    private BareOpenLoopSender? sender;

    /// <summary>The no-GC budget a request: an answer's record and its share of the records' lists, with room to spare.</summary>
    private const long FloorBytesPerRequest = 8 * 1024;

    [Params(250, 1000, 2000)]
    public int Rate { get; set; } = 250;

    /// <summary>The generator's schedule at the rate, and its warm-up rounds in setup.</summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var schedule = ArrivalSchedule.Offsets(settings.OpenLoop.Arrival, Rate, OpenLoopGeneratorBenchmarks.Seconds, (int)settings.Seed);
        var tokens = PromptMix.EstimatedOutputTokens([new ChatPrompt(DefaultPromptRules.ShortQuestion, 0)]) * schedule.Length;
        return new RequestBudget(schedule.Length, OpenLoopGenerator.WarmUpSends(schedule, OpenLoopGeneratorBenchmarks.WarmUpSeconds, OpenLoopGenerator.WarmUpRequests), tokens);
    }

    [Benchmark]
    public async Task BareSend()
    {
        // As for the generator: a collection would suspend the sending thread, and the floor is the schedule without one.
        // Its sends allocate nothing and each answer only its record, so a small budget a request is enough.
        using var noGc = NoGcRegion.For(offsets.Length, FloorBytesPerRequest);
        var batch = BeginBatch(offsets.Length);
        batch.OpenLoop = new OpenLoopRecord(Rate, OpenLoopGeneratorBenchmarks.Seconds, Target.OpenLoop.Arrival.ToString());
        await SendAsync(offsets, batch);
        batch.Complete(failuresAreTheResult: true);
    }

    protected override void Setup()
    {
        offsets = ArrivalSchedule.Offsets(Target.OpenLoop.Arrival, Rate, OpenLoopGeneratorBenchmarks.Seconds, (int)(Target.GroundTruth?.Seed ?? 1));
        prompts = PlannedPrompt.For(Enumerable.Range(0, offsets.Length).Select(i => new ChatPrompt(DefaultPromptRules.ShortQuestion, i)).ToList(), Target.GroundTruth);
        requests = prompts.Select(p => BareChatRequest.Build(Target.BaseUrl, Target.Model, p)).ToArray();
        var server = new DnsEndPoint(Target.BaseUrl.Host, Target.BaseUrl.Port);
        // Enough connections for the answers in flight at the rate (about 50 ms each at the suite's time scale) and for
        // a stall of the stub's of 200 ms: with an eighth of the rate, sends waited for a connection at 2,000 req/s.
        sender = BareOpenLoopSender.OpenAsync(server, Math.Max(64, Rate / 4)).GetAwaiter().GetResult();
        OpenLoopGenerator.WarmUpWithAsync(offsets, OpenLoopGeneratorBenchmarks.WarmUpSeconds, OpenLoopGenerator.WarmUpRequests, SendAsync).GetAwaiter().GetResult();
    }

    protected override void Cleanup() => sender?.Dispose();

    private Task SendAsync(IReadOnlyList<double> schedule, BatchRecorder batch) => sender!.RunAsync(
        schedule,
        requests,
        batch,
        (i, lag, status, tokens) =>
        {
            // The bare sender reads the status and the usage, not the content: an answer with usage counts as whole.
            var answer = prompts[i].Answered(schedule[i], batch.Now(), new AnswerFacts(tokens > 0, tokens, "stop", MaxTokensSet: false));
            batch.Add(answer with
            {
                Outcome = status == (int)HttpStatusCode.OK ? answer.Outcome : RequestOutcome.HttpStatus(status),
                SendLagMs = lag,
                ExpectedTtftMs = lag + answer.ExpectedTtftMs,
                ExpectedTotalMs = lag + answer.ExpectedTotalMs,
            });
        },
        Patience);
}
