using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// A batch of N requests (one long prompt in four) sent each way, against sending them one after the other.
/// N stops at 25 here because the sequential baseline costs N times the mean latency per call; larger batches are in
/// <see cref="LargeBatchBenchmarks"/>, against the unbounded batch instead.
/// </summary>
[SummarySection(2, SummaryHeading, SummaryExplanation, Chart = ChartKind.Scaling, XParameter = nameof(BatchSize))]
[BenchmarkCategory(BenchmarkCategories.Batch)]
public class BatchBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const string SummaryHeading = "Batches: wall time by batch size";

    public const string SummaryExplanation =
        "A batch of mixed short and long prompts sent by each strategy. Dashed lines are each strategy's ideal (zero-overhead) time: the sum of the latencies when sequential, the longest when unbounded.";

    /// <summary>The limit of the bounded strategies here; <see cref="BoundedConcurrencyBenchmarks"/> varies it.</summary>
    public const int MaxInFlight = 8;

    private IReadOnlyList<PlannedPrompt> prompts = [];

    [Params(10, 25)]
    public int BatchSize { get; set; }

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(BatchSize));

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Sequential)]
    public Task Sequential() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SequentialAsync(Sdk, prompts, batch));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenAll() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenAllAsync(Sdk, prompts, batch));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public Task SemaphoreSlim8() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SemaphoreAsync(Sdk, prompts, batch, MaxInFlight));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public Task ParallelForEach8() => RunBatchAsync(prompts.Count, batch => BatchStrategies.ParallelForEachAsync(Sdk, prompts, batch, MaxInFlight));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenEach() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenEachAsync(Sdk, prompts, batch));

    protected override void Setup() => prompts = PlannedPrompt.For(Workload.Take(BatchSize), Target.GroundTruth);
}
