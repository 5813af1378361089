using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// A column with the median over the measured iterations of one number the benchmark process recorded per invocation
/// (CPU time per request, the thread pool's peaks). The median, because on a shared machine a single iteration's CPU
/// time can double (spinning pool threads, background JIT). Cases whose records lack the number show "-"; a column no
/// case has is hidden.
/// </summary>
public sealed class InvocationMetricColumn(
    RecordStore records, string id, string name, string legend, string format, int priority, Func<InvocationRecord, double?> metric) : IColumn
{
    public string Id => id;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    /// <summary>CPU time of the benchmark process (the client) per request, in microseconds.</summary>
    public static InvocationMetricColumn ClientCpuPerRequest(RecordStore records) => new(
        records,
        "ChatBench.ClientCpu",
        "CPU/req [us]",
        "CPU time (user + kernel, all threads) of the benchmark process during a batch, divided by the batch's requests, in microseconds, median of the measured iterations: the client's own cost, apart from the simulated latency (the stub runs in another process)",
        "0",
        11,
        i => i.ClientCpuMs is { } ms && i.Requests.Count > 0 ? ms * 1000 / i.Requests.Count : null);

    public static InvocationMetricColumn PeakThreadPoolThreads(RecordStore records) => new(
        records,
        "ChatBench.PoolThreads",
        "Pool threads (peak)",
        "The most thread-pool threads seen during a batch (sampled every 10 ms), median of the measured iterations",
        "0",
        12,
        i => i.PeakThreadPoolThreads);

    public static InvocationMetricColumn PeakPendingWorkItems(RecordStore records) => new(
        records,
        "ChatBench.PoolQueue",
        "Pool queue (peak)",
        "The longest thread-pool queue (work items waiting for a thread) seen during a batch (sampled every 10 ms), median of the measured iterations",
        "0",
        13,
        i => i.PeakPendingWorkItems);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Value(summary, benchmarkCase) is { } value ? value.ToString(format, style.CultureInfo ?? CultureInfo.InvariantCulture) : "-";
    }

    public double? Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        var values = records.Measured(summary, benchmarkCase).Select(metric).OfType<double>().Order().ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => Value(summary, benchmarkCase) is null;

    // Every batch records these, but a batch also carries a fixed CPU floor of about 0.1 s in the benchmark process
    // whatever it does, which makes CPU per request meaningless for small batches: only the client-stack report,
    // which explains that, shows them.
    public bool IsAvailable(Summary summary) =>
        summary is not null
        && summary.BenchmarksCases.Any(c => c.Descriptor.Categories.Contains(BenchmarkCategories.ClientStack) && !IsDefault(summary, c));

    public override string ToString() => ColumnName;
}
