using BenchmarkDotNet.Attributes;

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

    public int RequestsPerInvocation => BatchSize;

    public int EstimatedOutputTokensPerInvocation => PromptMix.EstimatedOutputTokens(PromptMix.Batch(BatchSize));

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Sequential)]
    public async Task Sequential()
    {
        var batch = BeginBatch(prompts.Count);
        await BatchStrategies.SequentialAsync(Client, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task WhenAll()
    {
        var batch = BeginBatch(prompts.Count);
        await BatchStrategies.WhenAllAsync(Client, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public async Task SemaphoreSlim8()
    {
        var batch = BeginBatch(prompts.Count);
        await BatchStrategies.SemaphoreAsync(Client, prompts, batch, MaxInFlight);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = MaxInFlight)]
    public async Task ParallelForEach8()
    {
        var batch = BeginBatch(prompts.Count);
        await BatchStrategies.ParallelForEachAsync(Client, prompts, batch, MaxInFlight);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task WhenEach()
    {
        var batch = BeginBatch(prompts.Count);
        await BatchStrategies.WhenEachAsync(Client, prompts, batch);
        batch.Complete();
    }

    protected override void Setup() => prompts = PlannedPrompt.For(PromptMix.Batch(BatchSize), Target.GroundTruth);
}
