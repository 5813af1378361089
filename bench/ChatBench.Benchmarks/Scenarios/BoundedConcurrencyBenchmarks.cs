using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One batch of 100 requests through a SemaphoreSlim, with the limit on requests in flight varied: how much
/// concurrency does a batch need before it stops getting faster? Compared against the unbounded limit (100).
/// </summary>
[SummarySection(
    4,
    "Bounded concurrency: how many requests in flight",
    "The same batch with at most k requests in flight. Efficiency (Ideal / Mean) shows how close each k comes to its own k-worker ideal.",
    Chart = ChartKind.BoundedScaling,
    XParameter = nameof(MaxInFlight))]
[BenchmarkCategory(BenchmarkCategories.Batch)]
public class BoundedConcurrencyBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int BatchSize = 100;

    private IReadOnlyList<PlannedPrompt> prompts = [];

    [Params(10, 25, 100)]
    public int MaxInFlight { get; set; }

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(BatchSize));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, WorkersParameter = nameof(MaxInFlight))]
    public Task SemaphoreSlim() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SemaphoreAsync(Sdk, prompts, batch, MaxInFlight));

    protected override void Setup() => prompts = PlannedPrompt.For(Workload.Take(BatchSize), Target.GroundTruth);
}
