using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;
using Microsoft.Extensions.AI;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The same batch, all requests at once, through each way .NET code can call the chat API: a bare HttpClient with
/// System.Text.Json (the baseline: the least a client can do), the OpenAI SDK with one shared ChatClient, a new
/// ChatClient per request, and Microsoft.Extensions.AI's IChatClient over the SDK (the SDK's blocking CompleteChat over
/// Parallel.For is in <see cref="BlockingCallBenchmarks"/>). The stub runs in a process of its own, so the CPU/req column is the client's own cost; MemoryDiagnoser
/// gives what each request allocates.
/// </summary>
/// <remarks>
/// The first call of each method (BenchmarkDotNet's unmeasured warm-up iteration) first sends <see cref="WarmUpRounds"/>
/// extra unrecorded batch of at least <see cref="WarmUpBatch"/> requests through the same stack: tiered JIT with PGO keeps recompiling the client's hot path over
/// its first few hundred calls, bursts of up to 0.2 s of CPU that would otherwise land in measured iterations. Live
/// targets skip it (it would be billed).
/// </remarks>
[SummarySection(
    8,
    "Client stacks: what the client itself costs",
    "The same batches through a raw HttpClient, the SDK's shared ChatClient, a new ChatClient per request and Microsoft.Extensions.AI: what each costs the calling process per request (CPU, allocation, thread-pool threads) and how close its batch comes to the ideal.",
    Table = TableKind.ClientStacks,
    Chart = ChartKind.ClientStacks)]
[BenchmarkCategory(BenchmarkCategories.ClientStack)]
[MemoryDiagnoser(displayGenColumns: false)]
public class ClientStackBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int WarmUpRounds = 1;

    /// <summary>Requests per warm-up batch at least: enough calls for the JIT's tiers to settle.</summary>
    public const int WarmUpBatch = 500;

    private IReadOnlyList<PlannedPrompt> prompts = [];
    private IReadOnlyList<PlannedPrompt> warmUpPrompts = [];
    private bool warmedUp;
    private RawChatHttpClient raw = null!;
    private IChatClient abstraction = null!;
    private RawChatCall rawCall = null!;
    private ExtensionsAIChatCall abstractionCall = null!;

    [Params(100, 1000)]
    public int Requests { get; set; }

    /// <summary>The warm-up batch goes out once per benchmark process, on the first call, and never to a live target.</summary>
    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(Requests)) with
    {
        PerSetup = settings.Target == TargetKind.Live ? 0 : WarmUpRounds * Math.Max(Requests, WarmUpBatch),
    };

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task RawHttpClient()
    {
        await WarmUpOnceAsync((p, b) => BatchStrategies.WhenAllAsync(rawCall, p, b));
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await BatchStrategies.WhenAllAsync(rawCall, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task SdkSharedClient()
    {
        await WarmUpOnceAsync((p, b) => BatchStrategies.WhenAllAsync(Sdk, p, b));
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await BatchStrategies.WhenAllAsync(Sdk, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task SdkClientPerRequest()
    {
        await WarmUpOnceAsync((p, b) => ClientStackRuns.SdkClientPerRequestAsync(Target, p, b));
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await ClientStackRuns.SdkClientPerRequestAsync(Target, prompts, batch);
        batch.Complete();
    }

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task ExtensionsAI()
    {
        await WarmUpOnceAsync((p, b) => BatchStrategies.WhenAllAsync(abstractionCall, p, b));
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        await BatchStrategies.WhenAllAsync(abstractionCall, prompts, batch);
        batch.Complete();
    }

    protected override void Setup()
    {
        prompts = PlannedPrompt.For(PromptMix.Batch(Requests), Target.GroundTruth);
        warmUpPrompts = PlannedPrompt.For(PromptMix.Batch(Math.Max(Requests, WarmUpBatch)), Target.GroundTruth);
        raw = new RawChatHttpClient(Target);
        abstraction = ExtensionsAIChatClientFactory.Create(Target);
        rawCall = new RawChatCall(raw);
        abstractionCall = new ExtensionsAIChatCall(abstraction);
    }

    protected override void Cleanup()
    {
        raw.Dispose();
        abstraction.Dispose();
    }

    private async Task WarmUpOnceAsync(Func<IReadOnlyList<PlannedPrompt>, BatchRecorder, Task> send)
    {
        // A live API would bill the warm-up and the run's request budget does not count it.
        if (warmedUp || Target.Kind == TargetKind.Live)
        {
            return;
        }

        warmedUp = true;
        await WarmUp.BatchesAsync(warmUpPrompts, WarmUpRounds, send);
    }
}
