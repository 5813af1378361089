using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// Batches too large to send one after the other within the suite's time budget (1,000 requests sequentially would
/// take about 100 s a call at the default time scale), compared against the unbounded batch. The Ideal column still
/// says what zero overhead would give, and the sequential ideal (the sum of latencies) is in the results' summary.
/// </summary>
[SummarySection(3, BatchBenchmarks.SummaryHeading, BatchBenchmarks.SummaryExplanation, Chart = ChartKind.Scaling, XParameter = nameof(BatchSize))]
[BenchmarkCategory(BenchmarkCategories.Batch)]
public class LargeBatchBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int MaxInFlight = 100;

    private IReadOnlyList<PlannedPrompt> prompts = [];

    [Params(100, 1000)]
    public int BatchSize { get; set; }

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(BatchSize));

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenAll() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenAllAsync(Sdk, prompts, batch));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public Task SemaphoreSlim100() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SemaphoreAsync(Sdk, prompts, batch, MaxInFlight));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenEach() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenEachAsync(Sdk, prompts, batch));

    protected override void Setup() => prompts = PlannedPrompt.For(Workload.Take(BatchSize), Target.GroundTruth);
}
