using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// A batch of the built-in mix, all at once, through one named client stack (<see cref="ClientStackCatalog"/>) opened
/// on the method's first call: what the SDK-settings and cost-by-batch classes share. The first call first sends
/// unrecorded warm-up batches through the same stack (never to a live target, which would bill them); each measured
/// batch records the client's CPU, the thread pool and the GC. The three stacks every such class compares are here:
/// the raw client (the baseline), the SDK as it comes and the SDK with the settings that cost least.
/// </summary>
public abstract class StackBatchBenchmark : RecordedBenchmark, ISendsRequests
{
    private OpenClientStack? stack;
    private IReadOnlyList<PlannedPrompt> prompts = [];

    /// <summary>Requests per batch: the class's parameter.</summary>
    protected abstract int BatchSize { get; }

    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RequestBudget.Batch(PromptMix.Batch(BatchSize)) with
        {
            PerSetup = settings.Target == TargetKind.Live ? 0 : WarmUpRounds(method) * WarmUpBatch(BatchSize),
        };
    }

    /// <summary>Requests per warm-up batch: the batch, at least <see cref="Scenarios.ClientStackBenchmarks.WarmUpBatch"/>.</summary>
    public static int WarmUpBatch(int batchSize) => Math.Max(batchSize, Scenarios.ClientStackBenchmarks.WarmUpBatch);

    /// <summary>Warm-up batches the method's first call sends.</summary>
    protected abstract int WarmUpRounds(string method);

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task RawHttpClient() => SendAsync(ClientStackCatalog.Raw);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkAsItComes() => SendAsync(ClientStackCatalog.Sdk);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkTuned() => SendAsync(ClientStackCatalog.SdkTuned);

    protected async Task SendAsync(string stackName, [CallerMemberName] string method = "")
    {
        if (stack is null)
        {
            stack = ClientStackCatalog.Open(stackName, Target);
            if (Target.Kind != TargetKind.Live)
            {
                var warmUp = PlannedPrompt.For(PromptMix.Batch(WarmUpBatch(BatchSize)), Target.GroundTruth);
                await WarmUp.BatchesAsync(warmUp, WarmUpRounds(method), (p, b) => BatchStrategies.WhenAllAsync(stack.Call, p, b));
            }
        }

        var batch = BeginBatch(prompts.Count, method);
        batch.SampleThreadPool();
        batch.SampleRuntime();
        await BatchStrategies.WhenAllAsync(stack.Call, prompts, batch);
        batch.Complete();
    }

    protected override void Setup() => prompts = PlannedPrompt.For(PromptMix.Batch(BatchSize), Target.GroundTruth);

    protected override void Cleanup() => stack?.Dispose();
}
