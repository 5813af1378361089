using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// Each case's <see cref="CaseResult"/>, computed once from its records and BenchmarkDotNet's report: the summary
/// columns, the -latency reports and the JSON results all show these same numbers.
/// </summary>
public sealed class CaseResultStore(RecordStore records, IReadOnlyList<CaseMetric> metrics)
{
    private readonly ConcurrentDictionary<string, MeasuredCase> measured = new();
    private readonly ConcurrentDictionary<string, CaseResult> results = new();

    public IReadOnlyList<CaseMetric> Metrics => metrics;

    public CaseResult For(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return results.GetOrAdd(CaseKey.Of(benchmarkCase), _ => CaseResults.From(summary, benchmarkCase, Measured(summary, benchmarkCase), metrics));
    }

    /// <summary>What the case measured: its records and the figures only BenchmarkDotNet has.</summary>
    public MeasuredCase Measured(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return measured.GetOrAdd(CaseKey.Of(benchmarkCase), _ =>
        {
            var report = summary[benchmarkCase];
            var schedule = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<IdealScheduleAttribute>();
            var workers = schedule?.WorkersParameter is { } name
                ? Convert.ToInt32(benchmarkCase.Parameters[name], System.Globalization.CultureInfo.InvariantCulture)
                : schedule?.Workers ?? 1;
            var allocated = benchmarkCase.Config.HasMemoryDiagnoser() && report is { Success: true }
                ? report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase)
                : null;
            return new MeasuredCase(records.Measured(summary, benchmarkCase), report?.ResultStatistics?.Mean / 1e6, schedule?.Kind, workers, allocated);
        });
    }
}
