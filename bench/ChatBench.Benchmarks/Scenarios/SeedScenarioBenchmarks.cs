using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The classic demonstration: a long question and a short one, asked one after the other and then concurrently.
/// Concurrently, the short answer arrives first although it was asked second, and the pair takes about as long as the
/// long answer alone. Every call's arrival order and times are recorded for the arrival tables in results/.
/// </summary>
[SummarySection(
    1,
    "Two questions: which answer comes back first",
    "A long question (hockey players) and a short one (2+2), asked one after the other (Synchronous, the baseline; SequentialAsync) and concurrently. The timeline shows each method's median iteration: when each request was sent and when its answer arrived.",
    Chart = ChartKind.Timeline)]
[BenchmarkCategory(BenchmarkCategories.Seed)]
public class SeedScenarioBenchmarks : RecordedBenchmark, ISendsRequests
{
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private BlockingSdkChatCall blocking = null!;

    /// <summary>The SDK's blocking <c>CompleteChat</c>, one question after the other: the baseline.</summary>
    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Sequential)]
    public void Synchronous()
    {
        var batch = BeginBatch(prompts.Count);
        foreach (var prompt in prompts)
        {
            blocking.Send(prompt, batch);
        }

        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Sequential)]
    public Task SequentialAsync() => RunBatchAsync(prompts.Count, batch => BatchStrategies.SequentialAsync(Sdk, prompts, batch));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task Concurrent() => RunBatchAsync(prompts.Count, batch => BatchStrategies.WhenAllAsync(Sdk, prompts, batch));

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.SeedScenario);

    protected override void Setup()
    {
        prompts = PlannedPrompt.For(PromptMix.SeedScenario, Target.GroundTruth);
        blocking = new BlockingSdkChatCall(Client);
    }
}
