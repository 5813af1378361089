using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// A ChatBench summary column: BenchmarkDotNet's <see cref="IColumn"/> boilerplate once. A column supplies a number per
/// case; the tables print it with the column's format ("-" for none), and the JSON results keep the number itself.
/// </summary>
public abstract class ChatBenchColumn(string name, string legend, string format, int priority) : IColumn
{
    public string Id => "ChatBench." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    /// <summary>The case's value, or null when it has none (a failed case, or a figure the case does not record).</summary>
    public abstract double? Value(Summary summary, BenchmarkCase benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Value(summary, benchmarkCase) is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    public virtual bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Shown when any case of the summary has a value; columns with a narrower audience override it.</summary>
    public virtual bool IsAvailable(Summary summary) =>
        summary is not null && summary.BenchmarksCases.Any(c => Value(summary, c) is not null);

    public override string ToString() => name;
}
