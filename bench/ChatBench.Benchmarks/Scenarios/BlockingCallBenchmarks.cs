using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The SDK's blocking <c>CompleteChat</c> spread over threads with Parallel.For, against the raw async HttpClient
/// sending the same batch. Each blocking request holds a pool thread for its whole latency and the pool does not know
/// it is blocked, so the batch runs only as many requests at once as the pool has threads (the Pool threads column),
/// and the pool grows by a few threads a second. Heavy: about 3 s a batch of 100. At 1,000 it does not just slow
/// down, it fails: in a fresh process the first batch took over 100 s and 364 requests failed (266 client timeouts,
/// 98 connections closed by the server while their headers waited for a thread), so the sizes stop at 100.
/// </summary>
[BenchmarkCategory(BenchmarkCategories.ClientStack, BenchmarkCategories.Heavy)]
[MemoryDiagnoser(displayGenColumns: false)]
public class BlockingCallBenchmarks : RecordedBenchmark, ISendsRequests
{
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private RawChatHttpClient raw = null!;
    private RawChatCall rawCall = null!;
    private BlockingSdkChatCall blocking = null!;

    [Params(10, 100)]
    public int Requests { get; set; }

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(Requests));

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task RawHttpClient()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await BatchStrategies.WhenAllAsync(rawCall, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public void SdkSyncParallelFor()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        ClientStackRuns.SdkSyncParallelFor(blocking, prompts, batch);
        batch.Complete();
    }

    protected override void Setup()
    {
        prompts = PlannedPrompt.For(PromptMix.Batch(Requests), Target.GroundTruth);
        raw = new RawChatHttpClient(Target);
        rawCall = new RawChatCall(raw);
        blocking = new BlockingSdkChatCall(Client);
    }

    protected override void Cleanup() => raw.Dispose();
}
