using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Reports;

/// <summary>CPU time a separate server process spent per request, for benchmarks that measure it (the stub's cost).</summary>
public sealed class ServerCpuColumn(RecordStore records) : IColumn
{
    public string Id => "ChatBench.ServerCpu";

    public string ColumnName => "Server CPU/req [us]";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "CPU time (user + kernel, all threads) of the stub's own process during a batch, divided by the batch's requests, in microseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var perRequest = records.Measured(summary, benchmarkCase)
            .Where(i => i.ServerCpuMs is not null && i.Requests.Count > 0)
            .Select(i => i.ServerCpuMs!.Value * 1000 / i.Requests.Count)
            .ToList();
        return perRequest.Count == 0 ? "-" : perRequest.Average().ToString("0.0", style.CultureInfo);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) =>
        !records.Measured(summary, benchmarkCase).Any(i => i.ServerCpuMs is not null);

    public bool IsAvailable(Summary summary) =>
        summary is not null && summary.BenchmarksCases.Any(c => !IsDefault(summary, c));

    public override string ToString() => ColumnName;
}
