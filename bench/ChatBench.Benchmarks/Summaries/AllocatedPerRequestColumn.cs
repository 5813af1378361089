using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// MemoryDiagnoser's bytes allocated per invocation divided by the invocation's requests, for classes that turn the
/// diagnoser on: what one request costs the garbage collector on each client stack.
/// </summary>
public sealed class AllocatedPerRequestColumn(RecordStore records) : ChatBenchColumn(
    "Alloc/req [KB]",
    "Allocated (MemoryDiagnoser, managed bytes per batch) divided by the batch's requests, in KB (1 KB = 1024 B)",
    "0.0",
    14)
{
    public override double? Value(Summary summary, BenchmarkCase benchmarkCase)
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
}
