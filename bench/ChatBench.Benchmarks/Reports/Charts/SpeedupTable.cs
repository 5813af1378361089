using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// A benchmark class's results as a markdown table: each case's mean, ideal, speed-up over the baseline and efficiency
/// (Ideal / Mean), from its BenchmarkDotNet CSV report. The speed-up divides the baseline's mean by the case's mean in
/// the same parameter group: inverting the CSV's two-decimal Ratio would show digits it does not have (1 / 0.21 = 4.76 for 4.66).
/// </summary>
public static class SpeedupTable
{
    public static string Render(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            return $"{table.Source} has no benchmark cases.\n";
        }

        var parameters = table.ParameterColumns();
        var text = new StringBuilder();
        text.Append("| Method |").Append(string.Concat(parameters.Select(c => $" {table.Headers[c]} |")))
            .Append(" Mean (ms) | Ideal (ms) | Speed-up | Efficiency |\n");
        text.Append("|---|").Append(string.Concat(parameters.Select(_ => "---:|"))).Append("---:|---:|---:|---:|\n");
        var baselines = BaselineMeans(table, parameters);
        foreach (var row in table.Rows)
        {
            var mean = table.Milliseconds(row, "Mean");
            var baseline = baselines.GetValueOrDefault(GroupKey(row, parameters));
            double? speedup = mean is > 0 && baseline is > 0 ? baseline / mean : null;
            text.Append(CultureInfo.InvariantCulture, $"| {table.Text(row, "Method")} |")
                .Append(string.Concat(parameters.Select(c => $" {row[c].Trim()} |")))
                .Append(CultureInfo.InvariantCulture, $" {(mean is { } m ? Format(m, "0.0") : "NA (failed)")} |")
                .Append(CultureInfo.InvariantCulture, $" {Format(table.Milliseconds(row, "Ideal"), "0.0")} |")
                .Append(CultureInfo.InvariantCulture, $" {(speedup is { } x ? Format(x, "0.00") + "x" : "-")} |")
                .Append(CultureInfo.InvariantCulture, $" {Format(table.Number(row, "Efficiency"), "0.00")} |\n");
        }

        return text.ToString();
    }

    public static string Render(IReadOnlyList<LatencyPercentiles> ttft, IReadOnlyList<LatencyPercentiles> e2e)
    {
        ArgumentNullException.ThrowIfNull(ttft);
        ArgumentNullException.ThrowIfNull(e2e);
        var text = new StringBuilder();
        text.Append("| Case | TTFT p50 (ms) | TTFT p90 (ms) | TTFT p99 (ms) | E2E p50 (ms) | E2E p90 (ms) | E2E p99 (ms) |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var first in ttft)
        {
            var whole = e2e.FirstOrDefault(e => e.Case == first.Case);
            text.Append(CultureInfo.InvariantCulture, $"| {first.Case} | {Format(first.P50, "0.0")} | {Format(first.P90, "0.0")} | {Format(first.P99, "0.0")} |")
                .Append(CultureInfo.InvariantCulture, $" {Format(whole?.P50, "0.0")} | {Format(whole?.P90, "0.0")} | {Format(whole?.P99, "0.0")} |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The baseline's mean per parameter group. The CSV does not mark the baseline, and its Ratio is a mean of
    /// per-iteration ratios (1.01 is possible), so the baseline is the method at Ratio 1.00 in the most groups.
    /// </summary>
    private static Dictionary<string, double?> BaselineMeans(ReportTable table, IReadOnlyList<int> parameters)
    {
        var means = new Dictionary<string, double?>();
        if (!table.Has("Ratio"))
        {
            return means;
        }

        var baseline = table.Rows
            .Where(r => table.Number(r, "Ratio") == 1.0)
            .GroupBy(r => table.Text(r, "Method"))
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        foreach (var row in table.Rows.Where(r => table.Text(r, "Method") == baseline))
        {
            means.TryAdd(GroupKey(row, parameters), table.Milliseconds(row, "Mean"));
        }

        return means;
    }

    private static string GroupKey(IReadOnlyList<string> row, IReadOnlyList<int> parameters) =>
        string.Join('\u001f', parameters.Select(c => row[c].Trim()));

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
