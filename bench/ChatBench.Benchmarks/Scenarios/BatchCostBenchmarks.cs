using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// How a client's cost grows with the work: 100 to 10,000 requests at once through the raw client, the SDK as it comes
/// and the SDK with the settings that cost least (<see cref="SdkSettingsBenchmarks"/>), each batch's time, the client's
/// CPU, allocation, collections, GC pauses, working set and pool threads per request. Every case first sends about
/// <see cref="WarmUpRequests"/> requests in batches of its size, so every size is measured past the JIT's tier-up and
/// with its connections open, and what is left to grow is the batch's own cost.
/// </summary>
[SummarySection(
    12,
    "Cost by batch size",
    "100 to 10,000 requests at once through the raw HttpClient, the SDK as it comes and the tuned SDK: what a request costs the client in CPU, memory and GC as the batch grows, and how close the batch stays to its ideal.",
    Table = TableKind.CostByBatch,
    Chart = ChartKind.CostByBatch,
    XParameter = nameof(Requests))]
[BenchmarkCategory(BenchmarkCategories.ClientStack, BenchmarkCategories.Heavy)]
[MemoryDiagnoser(displayGenColumns: false)]
public class BatchCostBenchmarks : StackBatchBenchmark
{
    /// <summary>Requests each case sends before it is measured: in the profile the SDK's CPU per request settled after about 12,000.</summary>
    public const int WarmUpRequests = 12_000;

    [Params(100, 300, 1000, 3000, 10_000)]
    public int Requests { get; set; }

    protected override int BatchSize => Requests;

    protected override int WarmUpRounds(string method) => (WarmUpRequests + WarmUpBatch(Requests) - 1) / WarmUpBatch(Requests);
}
