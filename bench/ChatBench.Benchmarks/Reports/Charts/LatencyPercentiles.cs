namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The p50, p90 and p99 of one latency metric (<c>ttft</c> or <c>e2e</c>, milliseconds) for one streaming benchmark case.
/// <para>
/// Read from the per-case summaries <c>*-latency.csv</c>: one row per case, its identifying columns first (Method, then
/// parameters such as Concurrency), then metric columns named <c>&lt;metric&gt;_p50_ms</c>, <c>_p90_ms</c>, <c>_p99_ms</c>
/// (also accepted: <c>TTFT p50 [ms]</c>). When no summary exists, computed from the per-request files
/// <c>*-requests.csv</c> (columns method, concurrency when present, <c>&lt;metric&gt;_ms</c>, outcome; only <c>ok</c> rows).
/// </para>
/// </summary>
public sealed record LatencyPercentiles(string Case, double? P50, double? P90, double? P99)
{
    /// <summary>Column names that start the measurements; every column before the first of them names the case.</summary>
    private static readonly string[] MetricPrefixes =
        ["ttft", "itl", "e2e", "tpot", "output", "token", "request", "throughput", "error", "duration", "count", "ok", "fail", "gap", "chunk", "stream"];

    public static IReadOnlyList<LatencyPercentiles> Read(ResultsFolder results, string metric)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summaries = results.LatencyTables();
        return summaries.Count > 0
            ? summaries.SelectMany(file => FromSummary(ReportTable.Load(file), metric)).ToList()
            : results.RequestTables().SelectMany(file => FromRequests(ReportTable.Load(file), metric)).ToList();
    }

    public static IReadOnlyList<LatencyPercentiles> FromSummary(ReportTable table, string metric)
    {
        ArgumentNullException.ThrowIfNull(table);
        var labels = LabelColumns(table);
        return table.Rows
            .Select(row => new LatencyPercentiles(
                CaseName(table, row, labels),
                table.Milliseconds(row, $"{metric}_p50_ms", $"{metric} p50"),
                table.Milliseconds(row, $"{metric}_p90_ms", $"{metric} p90"),
                table.Milliseconds(row, $"{metric}_p99_ms", $"{metric} p99")))
            .ToList();
    }

    public static IReadOnlyList<LatencyPercentiles> FromRequests(ReportTable table, string metric)
    {
        ArgumentNullException.ThrowIfNull(table);
        var outcome = table.Column("outcome");
        return table.Rows
            .Where(row => outcome < 0 || row[outcome].Trim() == "ok")
            .GroupBy(row => CaseOfRequest(table, row), StringComparer.Ordinal)
            .Select(group =>
            {
                var values = group.Select(row => table.Milliseconds(row, $"{metric}_ms")).OfType<double>().Order().ToList();
                return new LatencyPercentiles(group.Key, Percentile(values, 50), Percentile(values, 90), Percentile(values, 99));
            })
            .ToList();
    }

    /// <summary>Linear interpolation between the closest ranks (numpy's default), or null for no values.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = percent / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public bool Measured => P50 is not null || P90 is not null || P99 is not null;

    private static List<int> LabelColumns(ReportTable table)
    {
        var labels = new List<int>();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var key = ReportTable.Key(table.Headers[c]);
            if (MetricPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                break;
            }

            labels.Add(c);
        }

        return labels;
    }

    private static string CaseName(ReportTable table, IReadOnlyList<string> row, List<int> labels)
    {
        var method = table.Column("Method");
        var parts = labels.Select(c => c == method ? row[c].Trim() : $"{table.Headers[c]}={row[c].Trim()}");
        return string.Join(", ", parts);
    }

    private static string CaseOfRequest(ReportTable table, IReadOnlyList<string> row)
    {
        var method = table.Text(row, "method");
        var concurrency = table.Text(row, "concurrency");
        return concurrency.Length > 0 ? $"{method}, Concurrency={concurrency}" : method;
    }
}
