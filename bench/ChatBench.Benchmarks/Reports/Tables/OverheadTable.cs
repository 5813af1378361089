using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// The measurement floor: one row per part of the harness's overhead per request, one column per case, each the median
/// in microseconds over the case's measured requests; a part a case does not have (a stream has no parse) shows "-".
/// </summary>
public static class OverheadTable
{
    private const string Suffix = " p50 [us]";

    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var parts = OverheadMetrics.All.Select(m => m.Name).Where(name => results.Cases.Any(c => c.Columns.ContainsKey(name))).ToList();
        if (parts.Count == 0)
        {
            return $"{results.Benchmark.Name} has no overhead parts (every case failed, or none ran).\n";
        }

        var table = new MarkdownTable(["Part (µs, median per request)", .. results.Cases.Select(c => c.Success ? c.Label : $"{c.Label} (failed)")]);
        foreach (var part in parts)
        {
            var label = part.EndsWith(Suffix, StringComparison.Ordinal) ? part[..^Suffix.Length] : part;
            table.Row([part == OverheadMetrics.Total ? $"**{label}** (measured minus planned)" : label, .. results.Cases.Select(c => MarkdownTable.Figure(c.Column(part), "0"))]);
        }

        return table.ToString();
    }
}
