using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// 5,000 requests at once through one ChatClient: no errors, no socket exhaustion, no hang, and how far the wall time
/// is from the ideal when the client and the stub share two cores. Opt in with <c>--allCategories heavy</c>.
/// </summary>
[BenchmarkCategory(BenchmarkCategories.Batch, BenchmarkCategories.Heavy)]
public class LoadBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int BatchSize = 5000;

    private IReadOnlyList<PlannedPrompt> prompts = [];

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(BatchSize));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task WhenAll5000() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenAllAsync(Sdk, prompts, batch));

    protected override void Setup() => prompts = PlannedPrompt.For(PromptMix.Batch(BatchSize), Target.GroundTruth);
}
