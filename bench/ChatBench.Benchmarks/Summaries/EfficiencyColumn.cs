using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>Ideal / Mean: 1.00 means the batch took exactly its zero-overhead time; 0.50 means twice as long.</summary>
public sealed class EfficiencyColumn(RecordStore records) : ChatBenchColumn(
    "Efficiency",
    "Ideal / Mean: how close the measured batch time is to its zero-overhead time (1.00 = no overhead at all)",
    "0.00",
    1)
{
    public override double? Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var ideal = CaseIdeal.Milliseconds(records, summary, benchmarkCase);
        return mean is > 0 && ideal is { } ms ? ms / (mean.Value / 1e6) : null;
    }
}
