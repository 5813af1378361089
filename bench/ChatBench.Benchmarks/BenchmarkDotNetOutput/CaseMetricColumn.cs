using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.BenchmarkDotNetOutput;

/// <summary>
/// A <see cref="CaseMetric"/> as a BenchmarkDotNet summary column: it displays the value the case's results hold, in
/// the metric's format ("-" for none), and computes nothing itself.
/// </summary>
public sealed class CaseMetricColumn(CaseMetric metric, CaseResultStore results) : IColumn
{
    public string Id => "ChatBench." + metric.Name;

    public string ColumnName => metric.Name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => metric.Priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => metric.Legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Value(summary, benchmarkCase) is { } value ? value.ToString(metric.Format, CultureInfo.InvariantCulture) : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary is not null && metric.Audience switch
    {
        MetricAudience.Streaming => summary.BenchmarksCases.Any(c => results.Measured(summary, c).Streams),
        MetricAudience.ClientStack => summary.BenchmarksCases.Any(c => c.Descriptor.Categories.Contains(BenchmarkCategories.ClientStack) && Value(summary, c) is not null),
        _ => summary.BenchmarksCases.Any(c => Value(summary, c) is not null),
    };

    public override string ToString() => metric.Name;

    private double? Value(Summary summary, BenchmarkCase benchmarkCase) =>
        results.For(summary, benchmarkCase).Column(metric.Name);
}
