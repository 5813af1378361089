using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// MemoryDiagnoser's bytes allocated per invocation divided by the invocation's requests, for classes that turn the
/// diagnoser on: what one request costs the garbage collector on each client stack.
/// </summary>
public sealed class AllocatedPerRequestColumn(RecordStore records) : IColumn
{
    public string Id => "ChatBench.AllocatedPerRequest";

    public string ColumnName => "Alloc/req [KB]";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 14;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Allocated (MemoryDiagnoser, managed bytes per batch) divided by the batch's requests, in KB (1 KB = 1024 B)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Value(summary, benchmarkCase) is { } kb ? kb.ToString("0.0", style.CultureInfo ?? CultureInfo.InvariantCulture) : "-";
    }

    public double? Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (!benchmarkCase.Config.HasMemoryDiagnoser() || summary[benchmarkCase] is not { Success: true } report)
        {
            return null;
        }

        var requests = records.Measured(summary, benchmarkCase).Select(i => i.Requests.Count).FirstOrDefault();
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return requests > 0 && bytes is { } perInvocation ? perInvocation / 1024.0 / requests : null;
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => Value(summary, benchmarkCase) is null;

    public bool IsAvailable(Summary summary) =>
        summary is not null && summary.BenchmarksCases.Any(c => !IsDefault(summary, c));

    public override string ToString() => ColumnName;
}
