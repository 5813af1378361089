using System.Net;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// HTTP/1.1 (one connection per request in flight) against HTTP/2 (up to 100 requests multiplexed on a connection),
/// through the raw HttpClient. The host's stub speaks HTTP/1.1 only, so each case starts its own stub process, HTTP/1.1
/// or h2c (HTTP/2 without TLS), and measures that process's CPU as well as its own: both ends of the connection.
/// The raw HttpClient sets the version on its requests; the OpenAI SDK, which has no version setting, gets an
/// HttpClient whose <see cref="HttpVersionHandler"/> sets it.
/// Heavy: four stub processes and their warm-up take about a minute, on top of the client-stack class's 60 s budget.
/// </summary>
[BenchmarkCategory(BenchmarkCategories.ClientStack, BenchmarkCategories.Heavy)]
[StubOnly("measures its own local stub processes")]
[MemoryDiagnoser(displayGenColumns: false)]
public class HttpVersionBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>
    /// Unmeasured batches in setup, per client: a fresh stub process JIT-compiles its request path during its first
    /// five or so batches of 1,000 (see <see cref="StubCostBenchmarks"/>).
    /// </summary>
    public const int StubWarmUpRounds = 6;

    private IReadOnlyList<PlannedPrompt> prompts = [];
    private StubProcess? server;
    private RawChatHttpClient raw = null!;
    private HttpClient sdkHttp = null!;
    private RawChatCall rawCall = null!;
    private SdkChatCall sdk = null!;

    [Params("1.1", "2.0")]
    public string Http { get; set; } = "1.1";

    /// <summary>One size: the protocols differ in connections, which only matter with many requests in flight.</summary>
    [Params(1000)]
    public int Requests { get; set; }

    /// <summary>Nothing reaches the run's target: every request goes to the stub process this class starts.</summary>
    protected override bool RecordsServerWindows => false;

    /// <summary>Nothing reaches the run's target: every request goes to the stub process this class starts.</summary>
    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.None;

    [Benchmark(Baseline = true)]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task RawHttpClient() => RunAsync((p, b) => BatchStrategies.WhenAllAsync(rawCall, p, b));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkSharedClient() => RunAsync((p, b) => BatchStrategies.WhenAllAsync(sdk, p, b));

    protected override void Setup()
    {
        var profile = Target.GroundTruth ?? BenchTarget.StubProfile(BenchOptions.DefaultTimeScale, 1);
        var http2 = Http == "2.0";
        var served = BenchTarget.StubProfile(profile.TimeScale, profile.Seed);
        server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = served, Http2Only = http2 }));
        var target = BenchTarget.ForStub(server.BaseUri, Target.Model, served);
        var version = http2 ? HttpVersion.Version20 : HttpVersion.Version11;
        raw = new RawChatHttpClient(target, version);

        // The SDK's own timeout applies; the HttpClient's would only cut it short.
        sdkHttp = new HttpClient(new HttpVersionHandler(version, new SocketsHttpHandler { EnableMultipleHttp2Connections = true })) { Timeout = Timeout.InfiniteTimeSpan };
        sdk = new SdkChatCall(ChatClientFactory.Create(target, sdkHttp));
        rawCall = new RawChatCall(raw);
        prompts = PlannedPrompt.For(PromptMix.Batch(Requests), profile);
        WarmUp.BatchesAsync(prompts, StubWarmUpRounds, (p, b) => BatchStrategies.WhenAllAsync(rawCall, p, b), (p, b) => BatchStrategies.WhenAllAsync(sdk, p, b)).GetAwaiter().GetResult();
    }

    protected override void Cleanup()
    {
        raw.Dispose();
        sdkHttp.Dispose();
        server?.Dispose();
    }

    private async Task RunAsync(Func<IReadOnlyList<PlannedPrompt>, BatchRecorder, Task> send, [CallerMemberName] string method = "")
    {
        var batch = BeginBatch(prompts.Count, method);
        batch.SampleThreadPool();
        var serverCpu = server!.CpuTime;
        await send(prompts, batch);
        batch.ServerCpuMs = (server.CpuTime - serverCpu).TotalMilliseconds;
        batch.Complete();
    }
}
