using System.Reflection;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// The ideal time of one benchmark case, averaged over its measured invocations. On the stub each request's latency is
/// the stub's plan; on a live target it is the latency the run measured for that request (an estimate).
/// </summary>
public static class CaseIdeal
{
    public static double? Milliseconds(RecordStore records, Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var schedule = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<IdealScheduleAttribute>();
        if (schedule is null)
        {
            return null;
        }

        var workers = schedule.Workers;
        if (schedule.WorkersParameter is { } name)
        {
            workers = Convert.ToInt32(benchmarkCase.Parameters[name], System.Globalization.CultureInfo.InvariantCulture);
        }

        var invocations = records.Measured(summary, benchmarkCase);
        if (invocations.Count == 0)
        {
            return null;
        }

        return invocations.Average(i => IdealSchedule.Makespan(Latencies(i), schedule.Kind, Math.Max(workers, 1)));
    }

    private static List<double> Latencies(InvocationRecord invocation) =>
        invocation.Requests.OrderBy(r => r.Index).Select(r => r.ExpectedTotalMs ?? r.LatencyMs).ToList();
}
