using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// The median over the measured iterations of one number the benchmark process recorded per invocation (CPU time per
/// request, the thread pool's peaks). The median, because on a shared machine a single iteration's CPU time can double
/// (spinning pool threads, background JIT).
/// </summary>
public sealed class InvocationMetricColumn(RecordStore records, string name, string legend, string format, int priority, Func<InvocationRecord, double?> metric)
    : ChatBenchColumn(name, legend, format, priority)
{
    /// <summary>CPU time of the benchmark process (the client) per request, in microseconds.</summary>
    public static InvocationMetricColumn ClientCpuPerRequest(RecordStore records) => new(
        records,
        "CPU/req [us]",
        "CPU time (user + kernel, all threads) of the benchmark process during a batch, divided by the batch's requests, in microseconds, median of the measured iterations: the client's own cost, apart from the simulated latency (the stub runs in another process)",
        "0",
        11,
        i => i.ClientCpuMs is { } ms && i.Requests.Count > 0 ? ms * 1000 / i.Requests.Count : null);

    public static InvocationMetricColumn PeakThreadPoolThreads(RecordStore records) => new(
        records,
        "Pool threads (peak)",
        "The most thread-pool threads seen during a batch (sampled every 10 ms), median of the measured iterations",
        "0",
        12,
        i => i.PeakThreadPoolThreads);

    public static InvocationMetricColumn PeakPendingWorkItems(RecordStore records) => new(
        records,
        "Pool queue (peak)",
        "The longest thread-pool queue (work items waiting for a thread) seen during a batch (sampled every 10 ms), median of the measured iterations",
        "0",
        13,
        i => i.PeakPendingWorkItems);

    public override double? Value(Summary summary, BenchmarkCase benchmarkCase) =>
        Distribution.Median(records.Measured(summary, benchmarkCase).Select(metric).OfType<double>().ToList());

    // Every batch records these, but a batch also carries a fixed CPU floor of about 0.1 s in the benchmark process
    // whatever it does, which makes CPU per request meaningless for small batches: only the client-stack report,
    // which explains that, shows them.
    public override bool IsAvailable(Summary summary) =>
        summary is not null
        && summary.BenchmarksCases.Any(c => c.Descriptor.Categories.Contains(BenchmarkCategories.ClientStack) && Value(summary, c) is not null);
}
