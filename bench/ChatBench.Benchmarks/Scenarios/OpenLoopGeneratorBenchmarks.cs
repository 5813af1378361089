using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// How well the open-loop generator keeps its schedule: Poisson arrivals (or --arrival) at fixed rates against the
/// run's target (the embedded stub, without a capacity limit), the cheapest request (the short question), and the send
/// lag, actual minus scheduled send, per request. Heavy: <c>--allCategories heavy</c>.
/// </summary>
[SummarySection(
    10,
    "Open loop: the generator's precision",
    "Send lag (actual minus scheduled send) of the open-loop generator at fixed offered rates against the embedded stub, with the short question: the rate up to which the schedule holds within a millisecond at the 99th percentile.",
    Table = TableKind.SendLag,
    Chart = ChartKind.SendLag)]
[LoadGeneratorRuntime]
[BenchmarkCategory(BenchmarkCategories.OpenLoop, BenchmarkCategories.Heavy)]
[WarmupCount(0)]
[IterationCount(1)]
public class OpenLoopGeneratorBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const double Seconds = 3;

    /// <summary>Unmeasured seconds of the schedule sent in setup: the measured run is the second, warm one.</summary>
    public const double WarmUpSeconds = 1;

    private double[] offsets = [];
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private OpenLoopCall call = null!;

    [Params(250, 500, 1000, 1500, 2000)]
    public int Rate { get; set; } = 250;

    /// <summary>The seeded schedule, computed as setup computes it, and its first second sent in setup.</summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var schedule = ArrivalSchedule.Offsets(settings.OpenLoop.Arrival, Rate, Seconds, settings.Target == TargetKind.Stub ? (int)settings.Seed : 1);
        var tokens = PromptMix.EstimatedOutputTokens([new ChatPrompt(DefaultPromptRules.ShortQuestion, 0)]) * schedule.Length;
        return new RequestBudget(schedule.Length, OpenLoopGenerator.WarmUpSends(schedule, WarmUpSeconds, OpenLoopGenerator.WarmUpAtLeast(settings.Target)), tokens);
    }

    [Benchmark]
    public async Task OfferedRate()
    {
        using var noGc = NoGcRegion.For(offsets.Length);
        var batch = BeginBatch(offsets.Length);
        batch.OpenLoop = new Records.OpenLoopRecord(Rate, Seconds, Target.OpenLoop.Arrival.ToString());
        await OpenLoopGenerator.RunAsync(offsets, batch, (i, at) => call.SendAsync(prompts[i], batch, at));
        batch.Complete(failuresAreTheResult: true);
    }

    protected override bool SamplesServerLoad => true;

    protected override void Setup()
    {
        offsets = ArrivalSchedule.Offsets(Target.OpenLoop.Arrival, Rate, Seconds, (int)(Target.GroundTruth?.Seed ?? 1));
        var questions = Enumerable.Range(0, offsets.Length).Select(i => new ChatPrompt(DefaultPromptRules.ShortQuestion, i)).ToList();
        prompts = PlannedPrompt.For(questions, Target.GroundTruth);
        call = new OpenLoopCall(Client);
        OpenLoopGenerator.WarmUpAsync(offsets, WarmUpSeconds, OpenLoopGenerator.WarmUpAtLeast(Target.Kind), (batch, i, at) => call.SendAsync(prompts[i], batch, at)).GetAwaiter().GetResult();
    }
}
