using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// A thousand requests at once through the official SDK with each setting a user can apply, one case each (see
/// <see cref="ClientStackCatalog"/>), against the raw client: which of them bring the SDK's batch closer to its ideal,
/// and what each costs the process per request. Every case runs in a process of its own, so what one setting does to
/// the JIT compiler stays in its own case. The warmed-up cases first send <see cref="LongWarmUpRounds"/> batches, as a
/// service does at start-up before it takes traffic: the SDK's request path is still being recompiled by tiered JIT
/// well past the single warm-up batch the other cases get. HTTP/2 over several connections is
/// <see cref="HttpVersionBenchmarks"/>' SDK case, against a stub of its own.
/// </summary>
[SummarySection(
    11,
    "SDK settings at a thousand at once",
    "The SDK's own settings, one case each, and all together: CPU and allocation per request and the batch's efficiency, against the raw HttpClient.",
    Table = TableKind.ClientStacks,
    Chart = ChartKind.ClientStacks)]
[BenchmarkCategory(BenchmarkCategories.ClientStack, BenchmarkCategories.Heavy)]
[MemoryDiagnoser(displayGenColumns: false)]
public class SdkSettingsBenchmarks : StackBatchBenchmark
{
    /// <summary>Batches a warmed-up case sends first: in the profile, the SDK's CPU per request settled after about 12,000 requests.</summary>
    public const int LongWarmUpRounds = 15;

    [Params(1000)]
    public int Requests { get; set; }

    protected override int BatchSize => Requests;

    protected override int WarmUpRounds(string method) => method is nameof(SdkWarmedUp) or nameof(SdkTunedWarmedUp) ? LongWarmUpRounds : ClientStackBenchmarks.WarmUpRounds;

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkDefaultRetries() => SendAsync(ClientStackCatalog.SdkDefaultRetries);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkTunedTransport() => SendAsync(ClientStackCatalog.SdkTunedTransport);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkLoggingOff() => SendAsync(ClientStackCatalog.SdkLoggingOff);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkProtocolMethod() => SendAsync(ClientStackCatalog.SdkProtocol);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkWarmedUp() => SendAsync(ClientStackCatalog.Sdk);

    [Benchmark]
    [IdealSchedule(ScheduleKind.Unbounded)]
    public Task SdkTunedWarmedUp() => SendAsync(ClientStackCatalog.SdkTuned);
}
