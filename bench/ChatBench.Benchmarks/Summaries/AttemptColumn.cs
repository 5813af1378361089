using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// A per-batch count, averaged over the measured iterations, for benchmarks that count their HTTP attempts (the
/// rate-limit ones): attempts sent (retries included), 429s received, and requests that finally failed.
/// </summary>
public sealed class AttemptColumn(RecordStore records, string name, string legend, Func<InvocationRecord, double?> count, int priority)
    : ChatBenchColumn(name, legend, "0.#", 40 + priority)
{
    public static IEnumerable<ChatBenchColumn> All(RecordStore records) =>
    [
        new AttemptColumn(records, "Attempts", "HTTP requests sent per batch, every retry included (the SDK's own as well)", i => i.Attempts, 0),
        new AttemptColumn(records, "429s", "Rate-limited (429) answers per batch", i => i.RateLimited, 1),
        new AttemptColumn(records, "Failed", "Requests per batch that finally failed after all retries: the batch did not do its work", i => i.Requests.Count(r => !r.Succeeded), 2),
    ];

    public override double? Value(Summary summary, BenchmarkCase benchmarkCase)
    {
        var values = records.Measured(summary, benchmarkCase).Where(i => i.Attempts is not null).Select(count).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
