using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Hosting;
using OpenAI;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// A batch against an API that takes at most <see cref="Capacity"/> requests at a time and answers 429 with
/// Retry-After above it: retry blindly, retry politely, or limit concurrency? Every HTTP attempt and every 429 is
/// counted (the SDK's own retries included), and requests that finally fail are the result here, shown in the Failed
/// column, not a crash: a case with failures did not finish its work, whatever its time.
/// On the stub this class starts a stub process of its own with the capacity limit.
/// </summary>
[SummarySection(
    7,
    "Rate limits: what each retry policy loses",
    "A batch against a server that takes 8 requests at a time and answers the rest 429 with Retry-After: per retry policy, the batch's wall time, the HTTP attempts and 429 answers it took, and the requests it finally lost.",
    Table = TableKind.RateLimits,
    Chart = ChartKind.RateLimits)]
[BenchmarkCategory(BenchmarkCategories.RateLimit)]
// Three measured batches, not five: the SDK's own backoff makes one batch of UnboundedSdkRetries take 3.3 s, and what
// the policies do (attempts, 429s, failures) varies little between batches.
[IterationCount(3)]
public class RateLimitBenchmarks : RecordedBenchmark, ISendsRequests
{
    public const int Capacity = 8;
    public const int BatchSize = 40;

    private readonly AttemptCounter attempts = new();
    private StubProcess? server;
    private SdkChatCall sdkRetries = null!;
    private SdkChatCall noRetries = null!;
    private RetryAfterChatCall retryAfter = null!;
    private IReadOnlyList<PlannedPrompt> prompts = [];

    /// <summary>Polly's retries of 429s and 5xx, per request, in the cases that retry after Retry-After.</summary>
    public const int MaxResilientRetries = 20;

    /// <summary>The SDK's default policy: three retries per request.</summary>
    public const int MaxSdkRetries = 3;

    /// <summary>
    /// On the stub every request goes to this class's own stub process. A live target can get every retry: the budget
    /// is the most each case can send.
    /// </summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        var attempts = 1 + method switch
        {
            nameof(UnboundedSdkRetries) => MaxSdkRetries,
            nameof(UnboundedRetryAfter) or nameof(BoundedAboveCapacityRetryAfter) => MaxResilientRetries,
            _ => 0,
        };
        var batch = RequestBudget.Batch(PromptMix.Batch(BatchSize));
        return settings.Target == TargetKind.Stub ? RequestBudget.None : batch with { PerInvocation = batch.PerInvocation * attempts };
    }

    /// <summary>Everything at once, with the SDK's default policy: 3 immediate retries of each 429.</summary>
    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Bounded, Workers = Capacity)]
    public Task UnboundedSdkRetries() => RunAsync(sdkRetries);

    /// <summary>Everything at once, retrying 429s after the Retry-After the server asks, with jitter (Polly).</summary>
    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = Capacity)]
    public Task UnboundedRetryAfter() => RunAsync(retryAfter);

    /// <summary>At most the capacity in flight: nothing to retry.</summary>
    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = Capacity)]
    public Task BoundedToCapacity() => RunAsync(noRetries, Capacity);

    /// <summary>Twice the capacity in flight, retrying 429s after Retry-After with jitter.</summary>
    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, Workers = Capacity)]
    public Task BoundedAboveCapacityRetryAfter() => RunAsync(retryAfter, 2 * Capacity);

    protected override void Setup()
    {
        if (Target.Kind == TargetKind.Stub)
        {
            var profile = Target.GroundTruth!;
            server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = BenchTarget.StubProfile(profile.TimeScale, profile.Seed), Faults = new StubFaults { MaxConcurrency = Capacity } }));
            Retarget(BenchTarget.ForStub(server.BaseUri, Target.Model, profile));
        }

        var counted = ChatClientFactory.Options(Target);
        counted.AddPolicy(attempts, PipelinePosition.PerTry);
        var counting = new ChatClient(Target.Model, new ApiKeyCredential(Target.ApiKey), counted);
        noRetries = new SdkChatCall(counting);

        // The SDK's defaults, as a user who changes nothing gets them; only the attempt counter is added.
        var defaults = new OpenAIClientOptions { Endpoint = Target.BaseUrl };
        defaults.AddPolicy(attempts, PipelinePosition.PerTry);
        sdkRetries = new SdkChatCall(new ChatClient(Target.Model, new ApiKeyCredential(Target.ApiKey), defaults));

        retryAfter = new RetryAfterChatCall(counting, RetryAfterResilience.Create(TimeSpan.FromMilliseconds(50 * (Target.GroundTruth?.TimeScale ?? 1)), MaxResilientRetries));
        prompts = PlannedPrompt.For(PromptMix.Batch(BatchSize), Target.GroundTruth);
    }

    protected override void Cleanup() => server?.Dispose();

    private async Task RunAsync(IChatCall call, int? maxInFlight = null, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var batch = BeginBatch(BatchSize, method);
        attempts.Reset();
        await BatchStrategies.BoundedAsync(prompts, maxInFlight ?? BatchSize, prompt => call.SendAsync(prompt, batch));
        batch.AttemptCounts = attempts.Reset();
        batch.Complete(failuresAreTheResult: true);
    }
}
