using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// One streaming latency figure of a case as a summary column. Shown only in the summaries of benchmarks that stream
/// (their records have a time to first token); the full set is in the -latency reports and the JSON results.
/// </summary>
public sealed class LatencyColumn(RecordStore records, string name, string legend, string format, Func<CaseLatency, double?> value, int priority)
    : ChatBenchColumn(name, legend, format, 20 + priority)
{
    public static IEnumerable<ChatBenchColumn> All(RecordStore records, bool stubTarget)
    {
        yield return new LatencyColumn(records, "TTFT p50 [ms]", "Median time to first token: the first non-empty content chunk (role-only chunks do not count)", "0.0", c => c.Ttft?.P50, 0);
        yield return new LatencyColumn(records, "TTFT p99 [ms]", "99th percentile of the time to first token", "0.0", c => c.Ttft?.P99, 1);
        yield return new LatencyColumn(records, "ITL p50 [ms]", "Median inter-token latency, (E2E - TTFT) / (output tokens - 1) per request", "0.0", c => c.Itl?.P50, 2);
        yield return new LatencyColumn(records, "Tokens/s", "Output tokens (from usage) per second over the measured batches, first start to last end", "0", c => c.OutputTokensPerSecond, 3);
        yield return new LatencyColumn(records, "Errors", "Failed requests in the measured iterations, never part of the latency figures", "0", c => c.Failed, 4);
        if (stubTarget)
        {
            yield return new LatencyColumn(records, "TTFT err p50 [ms]", "Median of measured minus configured TTFT: the harness's own measurement error against the stub's ground truth", "0.0", c => c.TtftError?.P50, 5);
        }
    }

    public override double? Value(Summary summary, BenchmarkCase benchmarkCase) =>
        records.Measured(summary, benchmarkCase).Count == 0 ? null : value(records.Latency(summary, benchmarkCase));

    public override bool IsAvailable(Summary summary) =>
        summary is not null && summary.BenchmarksCases.Any(c => records.Measured(summary, c).Any(i => i.Requests.Any(r => r.FirstTokenMs is not null)));
}
