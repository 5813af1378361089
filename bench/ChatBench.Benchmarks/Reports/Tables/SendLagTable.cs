using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>The open-loop generator's precision: per offered rate, its send lag's p50, p99 and max.</summary>
public static class SendLagTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var points = SendLagPoint.Of(results);
        if (points.Count == 0)
        {
            return $"{results.Benchmark.Name} has no case with a measured send lag (every case failed, or none ran).\n";
        }

        var table = new MarkdownTable("Offered (req/s)", "Requests", "Send lag p50 (ms)", "Send lag p99 (ms)", "Send lag max (ms)");
        foreach (var point in points)
        {
            table.Row(MarkdownTable.Figure(point.Rate, "0"), $"{point.Requests}", MarkdownTable.Figure(point.P50, "0.00"), MarkdownTable.Figure(point.P99, "0.00"), MarkdownTable.Figure(point.Max, "0.00"));
        }

        var note = points.Any(p => p.P50 is null)
            ? "\nThe p50 and max need each request's send lag, which this results file does not record (an older ChatBench wrote it): run the class again for them.\n"
            : string.Empty;
        return $"{table}{note}";
    }
}
