using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>One figure of an open-loop case (see <see cref="OpenLoopFigures"/>); shown only for open-loop classes.</summary>
public sealed class OpenLoopColumn(RecordStore records, string name, string legend, string format, Func<OpenLoopFigures, CaseLatency, double?> value, int priority)
    : ChatBenchColumn(name, legend, format, 60 + priority)
{
    public static IEnumerable<ChatBenchColumn> All(RecordStore records) =>
    [
        new OpenLoopColumn(records, OpenLoopResult.OfferedColumn, "Requests per second the schedule offered", "0.0", (f, _) => f.Offered, 0),
        new OpenLoopColumn(records, OpenLoopResult.AchievedColumn, "Successful requests per second, first scheduled send to last answer", "0.0", (f, _) => f.Skipped ? null : f.Achieved, 1),
        new OpenLoopColumn(records, OpenLoopResult.GoodputColumn, "Requests per second that met every SLO limit (vLLM's goodput), over the same span", "0.0", (f, _) => f.Skipped ? null : f.Goodput, 2),
        new OpenLoopColumn(records, OpenLoopResult.SloMetColumn, "Share of the scheduled requests that met every SLO limit (failures count as misses), in percent", "0.0", (f, _) => f.Skipped ? null : f.SloShare * 100, 3),
        new OpenLoopColumn(records, "ITL p99 [ms]", "99th percentile of the inter-token latency", "0.0", (_, l) => l.Itl?.P99, 4),
        new OpenLoopColumn(records, "E2E p50 [ms]", "Median end-to-end latency, from the scheduled send to the last token", "0.0", (_, l) => l.E2E?.P50, 5),
        new OpenLoopColumn(records, "E2E p99 [ms]", "99th percentile of the end-to-end latency, from the scheduled send", "0.0", (_, l) => l.E2E?.P99, 6),
        new OpenLoopColumn(records, "Send lag p99 [ms]", "99th percentile of actual minus scheduled send: how well the generator kept its schedule", "0.000", (f, _) => f.SendLag?.P99, 7),
        new OpenLoopColumn(records, "Stub queue p99 [ms]", "99th percentile of the queue wait the stub reported (its own truth, x-stub-queue-ms)", "0.0", (f, _) => f.StubQueue?.P99, 8),
        new OpenLoopColumn(records, OpenLoopResult.CapacityColumn, "The stub's theoretical capacity: slots / mean service time at a full batch, from its model", "0.0", (f, _) => f.Capacity, 9),
    ];

    public override double? Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        var invocations = records.Measured(summary, benchmarkCase);
        return OpenLoopFigures.Of(invocations) is { } figures ? value(figures, records.Latency(summary, benchmarkCase)) : null;
    }
}
