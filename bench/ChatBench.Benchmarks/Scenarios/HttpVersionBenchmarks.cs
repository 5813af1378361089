using System.Net;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Configuration;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// HTTP/1.1 (one connection per request in flight) against HTTP/2 (up to 100 requests multiplexed on a connection),
/// through the raw HttpClient. The host's stub speaks HTTP/1.1 only, so each case starts its own stub process, HTTP/1.1
/// or h2c (HTTP/2 without TLS), and measures that process's CPU as well as its own: both ends of the connection.
/// The SDK's transport builds its requests as HTTP/1.1 and offers no version setting, so only the raw client is here.
/// Heavy: two stub processes and their warm-up take about 30 s, on top of the client-stack class's 60 s budget.
/// </summary>
[BenchmarkCategory(BenchmarkCategories.ClientStack, BenchmarkCategories.Heavy)]
[MemoryDiagnoser(displayGenColumns: false)]
public class HttpVersionBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>Unmeasured batches in setup: a fresh stub process JIT-compiles its request path during its first batches.</summary>
    public const int StubWarmUpRounds = 2;

    private IReadOnlyList<PlannedPrompt> prompts = [];
    private StubProcess? server;
    private RawChatHttpClient raw = null!;

    [Params("1.1", "2.0")]
    public string Http { get; set; } = "1.1";

    /// <summary>One size: the protocols differ in connections, which only matter with many requests in flight.</summary>
    [Params(1000)]
    public int Requests { get; set; }

    public int RequestsPerInvocation => Requests;

    public int EstimatedOutputTokensPerInvocation => PromptMix.EstimatedOutputTokens(PromptMix.Batch(Requests));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public async Task RawHttpClient()
    {
        var batch = BeginBatch(prompts.Count);
        batch.SampleThreadPool();
        var serverCpu = server!.CpuTime;
        await ClientStackRuns.RawAsync(raw, prompts, batch);
        batch.ServerCpuMs = (server.CpuTime - serverCpu).TotalMilliseconds;
        batch.Complete();
    }

    protected override void Setup()
    {
        var profile = Target.GroundTruth ?? BenchTarget.StubProfile(BenchOptions.DefaultTimeScale, 1);
        var http2 = Http == "2.0";
        server = StubProcess.Start([.. StubProcess.Arguments(profile.TimeScale, profile.Seed, "fast"), "--protocol", http2 ? "h2c" : "http1"]);
        var target = BenchTarget.From(new TargetEnvironment(TargetKind.Stub, server.BaseUri, Target.Model, profile.TimeScale, profile.Seed, Path.GetTempPath()));
        raw = new RawChatHttpClient(target, http2 ? HttpVersion.Version20 : HttpVersion.Version11);
        prompts = PlannedPrompt.For(PromptMix.Batch(Requests), profile);
        WarmUp();
    }

    protected override void Cleanup()
    {
        raw.Dispose();
        server?.Dispose();
    }

    private void WarmUp()
    {
        var scratch = new RecordLog(Path.Combine(Path.GetTempPath(), "chatbench-http-version-warm-up"), $"{Http}-{Requests}");
        for (var round = 0; round < StubWarmUpRounds; round++)
        {
            var batch = scratch.Begin(prompts.Count);
            ClientStackRuns.RawAsync(raw, prompts, batch).GetAwaiter().GetResult();
            batch.Complete();
        }
    }
}
