using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// 100 concurrent streams at the real token rate of a gpt-4o-class model, to measure the harness's own error (measured
/// minus configured TTFT, see the TTFT err column). The suite's time scale compresses time tenfold, which multiplies the
/// token events per second by ten (100 streams: about 83,000 a second) and makes that case measure the CPU of a
/// two-core machine instead; so on the stub this class starts a stub process of its own at time scale 1.
/// </summary>
[SummarySection(
    6,
    "Calibration: the harness's own error",
    "100 streams at the real token rate against a stub whose every planned time is known: measured minus planned TTFT and ITL is the harness's own measurement error.",
    Table = TableKind.Calibration)]
[LoadGeneratorRuntime]
[BenchmarkCategory(BenchmarkCategories.Streaming)]
[StubOnly("measures the harness's own error against the stub's ground truth")]
// Three measured batches of 100 streams (2.4 s each): its figures are percentiles over 300 streams' first tokens.
[IterationCount(3)]
public class StreamingCalibrationBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int Streams = 100;

    /// <summary>Unmeasured batches of the streams in setup, before BenchmarkDotNet's own warm-up iteration.</summary>
    private const int WarmUpBatches = 1;

    private StubProcess? server;
    private IReadOnlyList<PlannedPrompt> prompts = [];

    /// <summary>On the stub every stream goes to this class's own stub process, not the run's target.</summary>
    public RequestBudget Budget(RunSettings settings, string method) => settings.Target == TargetKind.Stub ? RequestBudget.None : RequestBudget.Batch(PromptMix.Batch(Streams));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task Streams100RealTime()
    {
        using var noGc = NoGcRegion.For(prompts.Count);
        await RunBatchAsync(prompts.Count, batch => Task.WhenAll(prompts.Select(prompt => SdkStreaming.SendAsync(prompt, batch))));
    }

    protected override void Setup()
    {
        if (Target.Kind == TargetKind.Stub)
        {
            var profile = BenchTarget.StubProfile(1.0, Target.GroundTruth?.Seed ?? 1);
            server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = profile }));
            Retarget(BenchTarget.ForStub(server.BaseUri, Target.Model, profile));
        }

        prompts = PlannedPrompt.For(PromptMix.Batch(Streams), Target.GroundTruth);
        if (server is not null)
        {
            // The stub process is fresh and the client's stream path cold: both would still be compiling during the
            // measured batches, on the same two cores, and their error would be the JIT's. Its own stub, so no budget counts these.
            WarmUp.EmbeddedStubAsync(Target, replaysErrors: false).GetAwaiter().GetResult();
            WarmUp.BatchesAsync(prompts, WarmUpBatches, (batchPrompts, batch) => Task.WhenAll(batchPrompts.Select(prompt => SdkStreaming.SendAsync(prompt, batch)))).GetAwaiter().GetResult();
            JitQuiet.AfterWarmUp();
        }
    }

    protected override void Cleanup() => server?.Dispose();
}
