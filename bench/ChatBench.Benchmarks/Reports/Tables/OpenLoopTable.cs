using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// An open-loop sweep, one row per offered rate: what the server achieved, the goodput and share within the SLO, the
/// latency percentiles (from each request's scheduled send), how late the generator sent, and what failed.
/// </summary>
public static class OpenLoopTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new MarkdownTable(
            "Offered (req/s)", "Achieved (req/s)", "Goodput (req/s)", "Within SLO (%)", "TTFT p50 (ms)", "TTFT p99 (ms)", "E2E p99 (ms)", "Send lag p99 (ms)", "Requests", "Failed");
        foreach (var result in results.Cases.OrderBy(c => c.Columns.GetValueOrDefault(OpenLoopResult.OfferedColumn, double.MaxValue)))
        {
            var offered = result.Column(OpenLoopResult.OfferedColumn) is { } rate ? MarkdownTable.Figure(rate, "0.0") : result.Label;
            if (!result.Success)
            {
                table.Row(offered, "NA (failed)", "-", "-", "-", "-", "-", "-", "-", "-");
                continue;
            }

            var latency = result.Latency;
            table.Row(
                offered,
                result.Column(OpenLoopResult.AchievedColumn) is { } achieved ? MarkdownTable.Figure(achieved, "0.0") : "skipped",
                MarkdownTable.Figure(result.Column(OpenLoopResult.GoodputColumn), "0.0"),
                MarkdownTable.Figure(result.Column(OpenLoopResult.SloMetColumn), "0.0"),
                MarkdownTable.Figure(latency?.Ttft?.P50, "0.0"),
                MarkdownTable.Figure(latency?.Ttft?.P99, "0.0"),
                MarkdownTable.Figure(latency?.E2E?.P99, "0.0"),
                MarkdownTable.Figure(result.Column(OpenLoopResult.SendLagP99Column), "0.00"),
                latency is null ? "-" : $"{latency.Requests}",
                latency?.ErrorSummary ?? "-");
        }

        return results.Cases.Count == 0
            ? $"{results.Benchmark.Name} has no benchmark cases.\n"
            : $"{table}\nLatency runs from each request's scheduled send, so a late send counts; Within SLO counts every scheduled request, a failed one as a miss.\n";
    }
}
