using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// A per-batch count, averaged over the measured iterations, for benchmarks that count their HTTP attempts (the
/// rate-limit ones): attempts sent (retries included), 429s received, and requests that finally failed.
/// </summary>
public sealed class AttemptColumn(RecordStore records, string name, string legend, Func<InvocationRecord, double?> count, int priority) : IColumn
{
    public string Id => $"ChatBench.Attempts.{name}";

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 40 + priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public static IEnumerable<IColumn> All(RecordStore records) =>
    [
        new AttemptColumn(records, "Attempts", "HTTP requests sent per batch, every retry included (the SDK's own as well)", i => i.Attempts, 0),
        new AttemptColumn(records, "429s", "Rate-limited (429) answers per batch", i => i.RateLimited, 1),
        new AttemptColumn(records, "Failed", "Requests per batch that finally failed after all retries: the batch did not do its work", i => i.Requests.Count(r => !r.Succeeded), 2),
    ];

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style ?? SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var values = records.Measured(summary, benchmarkCase).Where(i => i.Attempts is not null).Select(count).OfType<double>().ToList();
        return values.Count == 0 ? "-" : values.Average().ToString("0.#", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) =>
        summary is not null && summary.BenchmarksCases.Any(c => records.Measured(summary, c).Any(i => i.Attempts is not null));

    public override string ToString() => ColumnName;
}
