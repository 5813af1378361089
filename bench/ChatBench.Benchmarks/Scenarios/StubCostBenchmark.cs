using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// What the stub itself costs, so the other benchmarks can be trusted to measure the client and not the stub. The stub
/// runs as its own process and the benchmark reads that process's CPU time around each batch; the client is the raw
/// HttpClient stack, the cheapest there is. One subclass per pipeline: the fast path, and WireMock.Net's full mapping pipeline.
/// The stub is measured warm, as it is after the first seconds of any run: a fresh process spends its first few
/// thousand requests in tiered JIT compilation (several times the steady cost), so setup sends unmeasured rounds until
/// the cost per request stops falling.
/// </summary>
public abstract class StubCostBenchmark : RecordedBenchmark, ISendsRequests
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

    private StubProcess? server;
    private RawChatHttpClient raw = null!;
    private RawChatCall completion = null!;
    private RawStreamingChatCall stream = null!;

    // Each request has its own seed, so the stub's jitter spreads first tokens over ±10 % as in a real batch
    // instead of making all of them due in the same millisecond.
    private IReadOnlyList<PlannedPrompt> completions = [];
    private IReadOnlyList<PlannedPrompt> streams = [];

    /// <summary>Nothing reaches the run's target: every request goes to the stub process this class starts.</summary>
    protected override bool RecordsServerWindows => false;

    /// <summary>Nothing reaches the run's target: every request goes to the stub process this class starts.</summary>
    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.None;

    /// <summary>How the stub process takes chat requests: its fast path or WireMock.Net's mapping pipeline.</summary>
    protected abstract StubPipeline Pipeline { get; }

    /// <summary>Whether the stub process records and serves its <c>/metrics</c> (on, as the stub program starts by default).</summary>
    protected virtual bool ServesMetrics => true;

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task Completions1000() => RunAsync(completions, (p, b) => BatchStrategies.WhenAllAsync(completion, p, b));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task Streams100() => RunAsync(streams, RawStreams);

    protected override void Setup()
    {
        var seed = Target.GroundTruth?.Seed ?? 1;
        server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, seed), Pipeline = Pipeline, Metrics = ServesMetrics }));
        var profile = LatencyProfile.Default with { TimeScale = TimeScale, Seed = seed };
        raw = new RawChatHttpClient(BenchTarget.ForStub(server.BaseUri, Target.Model, profile), timeout: TimeSpan.FromMinutes(2));
        completion = new RawChatCall(raw);
        stream = new RawStreamingChatCall(raw);
        completions = PlannedPrompt.For(Enumerable.Range(0, InFlight).Select(i => new ChatPrompt(DefaultPromptRules.LongQuestion, i)).ToList(), profile);
        streams = completions.Take(Streams).ToList();
        WarmUpAsync().GetAwaiter().GetResult();
    }

    protected override void Cleanup()
    {
        raw.Dispose();
        server?.Dispose();
    }

    private Task RawStreams(IReadOnlyList<PlannedPrompt> prompts, BatchRecorder batch) =>
        Task.WhenAll(prompts.Select(p => stream.SendAsync(p, batch)));

    private async Task WarmUpAsync()
    {
        await WarmUp.BatchesAsync(streams, StreamWarmUpRounds, RawStreams);

        // The slack covers the CPU clock's 10 ms ticks over a batch.
        var costs = await WarmUp.UntilSettledAsync(MinCompletionWarmUpRounds, MaxCompletionWarmUpRounds, slack: 20, async () =>
        {
            var cpu = server!.CpuTime;
            await WarmUp.SendAsync(completions, (p, b) => BatchStrategies.WhenAllAsync(completion, p, b));
            return (server.CpuTime - cpu).TotalMicroseconds / InFlight;
        });
        Console.WriteLine($"// Stub warm-up: {costs.Count} batches of {InFlight} completions, server CPU per request [us]: {string.Join(' ', costs.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))}");
    }

    private async Task RunAsync(IReadOnlyList<PlannedPrompt> prompts, Func<IReadOnlyList<PlannedPrompt>, BatchRecorder, Task> send, [CallerMemberName] string method = "")
    {
        var batch = BeginBatch(prompts.Count, method);
        var cpuBefore = server!.CpuTime;
        await send(prompts, batch);
        batch.ServerCpuMs = (server.CpuTime - cpuBefore).TotalMilliseconds;
        batch.Complete();
    }
}
