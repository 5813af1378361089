using System.Collections.Concurrent;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// The host's view of the records the benchmark processes wrote. It keeps only the invocations BenchmarkDotNet
/// measured: with one invocation per iteration, the n-th call of the method is the n-th workload measurement, so
/// jitting and warm-up calls (and diagnoser re-runs after the last measurement) are left out.
/// </summary>
public sealed class RecordStore(string directory)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<InvocationRecord>> cache = new();

    public string Directory { get; } = directory;

    public IReadOnlyList<InvocationRecord> Measured(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var report = summary[benchmarkCase];
        if (report is null || !report.Success)
        {
            return [];
        }

        return cache.GetOrAdd(CaseKey.Of(benchmarkCase), key => Match(report.AllMeasurements, RecordLog.Read(Directory, key)));
    }

    internal static IReadOnlyList<InvocationRecord> Match(IReadOnlyList<Measurement> measurements, IReadOnlyList<InvocationRecord> invocations)
    {
        var workload = measurements.Where(m => m.IterationMode == IterationMode.Workload).ToList();
        if (workload.Any(m => m.Operations != 1))
        {
            throw new InvalidOperationException("Records can be matched to iterations only with one invocation per iteration (RunStrategy.Monitoring).");
        }

        var byNumber = invocations.ToDictionary(i => i.Invocation);
        var measured = new List<InvocationRecord>();
        for (var i = 0; i < workload.Count; i++)
        {
            if (workload[i].IterationStage == IterationStage.Actual && byNumber.TryGetValue(i, out var invocation))
            {
                measured.Add(invocation);
            }
        }

        return measured;
    }
}
