using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>CPU time a separate server process spent per request, for benchmarks that measure it (the stub's cost).</summary>
public sealed class ServerCpuColumn(RecordStore records) : ChatBenchColumn(
    "Server CPU/req [us]",
    "CPU time (user + kernel, all threads) of the stub's own process during a batch, divided by the batch's requests, in microseconds, mean of the measured iterations",
    "0.0",
    10)
{
    public override double? Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        var perRequest = records.Measured(summary, benchmarkCase)
            .Where(i => i.ServerCpuMs is not null && i.Requests.Count > 0)
            .Select(i => i.ServerCpuMs!.Value * 1000 / i.Requests.Count)
            .ToList();
        return perRequest.Count == 0 ? null : perRequest.Average();
    }
}
