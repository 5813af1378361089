using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Reports;

/// <summary>Ideal / Mean: 1.00 means the batch took exactly its zero-overhead time; 0.50 means twice as long.</summary>
public sealed class EfficiencyColumn(RecordStore records) : IColumn
{
    public string Id => "ChatBench.Efficiency";

    public string ColumnName => "Efficiency";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Ideal / Mean: how close the measured batch time is to its zero-overhead time (1.00 = no overhead at all)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(style);
        return Value(records, summary, benchmarkCase) is { } efficiency ? efficiency.ToString("0.00", style.CultureInfo) : "-";
    }

    public static double? Value(RecordStore records, Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var ideal = CaseIdeal.Milliseconds(records, summary, benchmarkCase);
        return mean is > 0 && ideal is { } ms ? ms / (mean.Value / 1e6) : null;
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
