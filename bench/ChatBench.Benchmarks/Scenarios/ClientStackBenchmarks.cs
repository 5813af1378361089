using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Clients;
using Microsoft.Extensions.AI;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The same batch, all requests at once, through each way .NET code can call the chat API: a bare HttpClient with
/// System.Text.Json (the baseline: the least a client can do), the OpenAI SDK with one shared ChatClient, a new
/// ChatClient per request, Microsoft.Extensions.AI's IChatClient over the SDK, and the SDK's blocking CompleteChat over
/// Parallel.For. The stub runs in the host process, so the CPU/req column is the client's own cost; MemoryDiagnoser
/// gives what each request allocates, and the thread pool's peaks explain the blocking variant.
/// </summary>
[BenchmarkCategory(BenchmarkCategories.ClientStack)]
[MemoryDiagnoser(displayGenColumns: false)]
public class ClientStackBenchmarks : RecordedBenchmark, ISendsRequests
{
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private RawChatHttpClient raw = null!;
    private IChatClient abstraction = null!;

    [Params(10, 100, 1000)]
    public int Requests { get; set; }

    public int RequestsPerInvocation => Requests;

    public int EstimatedOutputTokensPerInvocation => PromptMix.EstimatedOutputTokens(PromptMix.Batch(Requests));

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task RawHttpClient()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await ClientStackRuns.RawAsync(raw, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task SdkSharedClient()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await ClientStackRuns.SdkAsync(Client, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task SdkClientPerRequest()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await ClientStackRuns.SdkClientPerRequestAsync(Target, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task ExtensionsAI()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await ClientStackRuns.ExtensionsAIAsync(abstraction, prompts, batch);
        batch.Complete();
    }

    /// <summary>Heavy: starved of threads it takes seconds a batch (30 s for the first 1,000, cold), see the class remarks.</summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCategories.Heavy)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public void SdkSyncParallelFor()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        ClientStackRuns.SdkSyncParallelFor(Client, prompts, batch);
        batch.Complete();
    }

    protected override void Setup()
    {
        prompts = PlannedPrompt.For(PromptMix.Batch(Requests), Target.GroundTruth);
        raw = new RawChatHttpClient(Target);
        abstraction = ExtensionsAIChatClientFactory.Create(Target);
    }

    protected override void Cleanup()
    {
        raw.Dispose();
        abstraction.Dispose();
    }
}
