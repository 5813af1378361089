using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Configuration;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// A batch of N requests (one long prompt in four) sent each way, against sending them one after the other.
/// N stops at 25 here because the sequential baseline costs N times the mean latency per call; larger batches are in
/// <see cref="LargeBatchBenchmarks"/>, against the unbounded batch instead.
/// </summary>
[BenchmarkCategory(BenchmarkCategories.Batch)]
public class BatchBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>The limit of the bounded strategies here; <see cref="BoundedConcurrencyBenchmarks"/> varies it.</summary>
    public const int MaxInFlight = 8;

    private IReadOnlyList<PlannedPrompt> prompts = [];

    [Params(1, 10, 25)]
    public int BatchSize { get; set; }

    public RequestBudget Budget(TargetKind target, string method) => RequestBudget.Batch(PromptMix.Batch(BatchSize));

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Sequential)]
    public Task Sequential() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SequentialAsync(Client, prompts, batch));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenAll() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenAllAsync(Client, prompts, batch));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public Task SemaphoreSlim8() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SemaphoreAsync(Client, prompts, batch, MaxInFlight));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public Task ParallelForEach8() => RunBatchAsync(prompts.Count, batch => BatchStrategies.ParallelForEachAsync(Client, prompts, batch, MaxInFlight));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenEach() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenEachAsync(Client, prompts, batch));

    protected override void Setup() => prompts = PlannedPrompt.For(PromptMix.Batch(BatchSize), Target.GroundTruth);
}
