using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Reports.Latency;

/// <summary>
/// One streaming latency figure of a case as a summary column. Shown only in the summaries of benchmarks that stream
/// (their records have a time to first token); the full set is in the -latency reports.
/// </summary>
public sealed class LatencyColumn(RecordStore records, string name, string legend, Func<CaseLatency, string?> value, int priority) : IColumn
{
    public string Id => $"ChatBench.Latency.{name}";

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 20 + priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public static IEnumerable<IColumn> All(RecordStore records, bool stubTarget)
    {
        string Ms(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "-";
        yield return new LatencyColumn(records, "TTFT p50 [ms]", "Median time to first token: the first non-empty content chunk (role-only chunks do not count)", c => Ms(c.Ttft?.P50), 0);
        yield return new LatencyColumn(records, "TTFT p99 [ms]", "99th percentile of the time to first token", c => Ms(c.Ttft?.P99), 1);
        yield return new LatencyColumn(records, "ITL p50 [ms]", "Median inter-token latency, (E2E - TTFT) / (output tokens - 1) per request", c => Ms(c.Itl?.P50), 2);
        yield return new LatencyColumn(records, "Tokens/s", "Output tokens (from usage) per second over the measured batches, first start to last end", c => c.OutputTokensPerSecond.ToString("0", CultureInfo.InvariantCulture), 3);
        yield return new LatencyColumn(records, "Errors", "Failed requests in the measured iterations, never part of the latency figures", c => c.Failed.ToString(CultureInfo.InvariantCulture), 4);
        if (stubTarget)
        {
            yield return new LatencyColumn(records, "TTFT err p50 [ms]", "Median of measured minus configured TTFT: the harness's own measurement error against the stub's ground truth", c => Ms(c.TtftError?.P50), 5);
        }
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        return records.Measured(summary, benchmarkCase).Count == 0 ? "-" : value(records.Latency(summary, benchmarkCase)) ?? "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) =>
        summary is not null && summary.BenchmarksCases.Any(c => records.Measured(summary, c).Any(i => i.Requests.Any(r => r.FirstTokenMs is not null)));

    public override string ToString() => ColumnName;
}
