using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Configuration;

namespace ChatBench.Benchmarks.Reports;

/// <summary>The batch's zero-overhead time (see <see cref="CaseIdeal"/>).</summary>
public sealed class IdealColumn(RecordStore records, TargetKind target) : IColumn
{
    public string Id => "ChatBench.Ideal";

    public string ColumnName => "Ideal";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => target == TargetKind.Stub
        ? "Zero-overhead batch time from the stub's configured latencies: their sum when sequential, the largest when unbounded, the k-worker schedule when bounded"
        : "Estimated zero-overhead batch time from the per-request latencies this run measured: their sum when sequential, the largest when unbounded, the k-worker schedule when bounded";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var ideal = CaseIdeal.Milliseconds(records, summary, benchmarkCase);
        return ideal is { } ms ? FormatTime(ms, style) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private static string FormatTime(double milliseconds, SummaryStyle style)
    {
        var text = milliseconds.ToString("0.0", style.CultureInfo);
        return style.PrintUnitsInContent ? $"{text} ms" : text;
    }

    public override string ToString() => ColumnName;
}
