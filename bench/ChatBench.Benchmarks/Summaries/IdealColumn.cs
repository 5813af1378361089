using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Configuration;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>The batch's zero-overhead time in milliseconds (see <see cref="CaseIdeal"/>).</summary>
public sealed class IdealColumn(RecordStore records, TargetKind target) : ChatBenchColumn(
    "Ideal [ms]",
    target == TargetKind.Stub
        ? "Zero-overhead batch time from the stub's configured latencies: their sum when sequential, the largest when unbounded, the k-worker schedule when bounded"
        : "Estimated zero-overhead batch time from the per-request latencies this run measured: their sum when sequential, the largest when unbounded, the k-worker schedule when bounded",
    "0.0",
    0)
{
    public override double? Value(Summary summary, BenchmarkCase benchmarkCase) => CaseIdeal.Milliseconds(records, summary, benchmarkCase);
}
