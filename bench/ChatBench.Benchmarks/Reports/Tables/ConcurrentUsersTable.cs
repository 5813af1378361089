using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// A sweep over concurrent users, one row per number of users: the turns judged, the share within the SLO, the
/// latency percentiles over every turn, the share of turns the prefix cache helped, and what failed.
/// </summary>
public static class ConcurrentUsersTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new MarkdownTable("Users", "Turns", "Within SLO (%)", "TTFT p50 (ms)", "TTFT p99 (ms)", "E2E p99 (ms)", "Cache hits (%)", "Failed");
        foreach (var result in results.Cases.OrderBy(c => c.Columns.GetValueOrDefault(ConcurrentUsersResult.UsersColumn, double.MaxValue)))
        {
            var users = result.Column(ConcurrentUsersResult.UsersColumn) is { } n ? n.ToString("0", CultureInfo.InvariantCulture) : result.Label;
            if (!result.Success)
            {
                table.Row(users, "NA (failed)", "-", "-", "-", "-", "-", "-");
                continue;
            }

            var latency = result.Latency;
            table.Row(
                users,
                latency is null ? "-" : latency.Requests.ToString(CultureInfo.InvariantCulture),
                MarkdownTable.Figure(result.Column(ConcurrentUsersResult.WithinSloColumn), "0.0"),
                MarkdownTable.Figure(latency?.Ttft?.P50, "0.0"),
                MarkdownTable.Figure(latency?.Ttft?.P99, "0.0"),
                MarkdownTable.Figure(latency?.E2E?.P99, "0.0"),
                MarkdownTable.Figure(result.Column(ConcurrentUsersResult.CacheHitsColumn), "0"),
                latency?.ErrorSummary ?? "-");
        }

        var slo = results.ConcurrentUsers is { } found ? $" ({found.Slo})" : string.Empty;
        return results.Cases.Count == 0
            ? $"{results.Benchmark.Name} has no benchmark cases.\n"
            : $"{table}\nTurns: every turn of the measured iterations. Within SLO: the turns whose TTFT, ITL and E2E all met the SLO{slo}, a failed turn and the turns its session then never sent counting as misses. Cache hits: answered turns with cached prompt tokens in the server's usage (\"-\" when it never said).\n";
    }
}
