using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// A benchmark class's results as a markdown table: each case's mean, ideal, speed-up over the baseline (1 / Ratio)
/// and efficiency (Ideal / Mean), from its BenchmarkDotNet CSV report.
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
        foreach (var row in table.Rows)
        {
            var mean = table.Milliseconds(row, "Mean");
            var ratio = table.Number(row, "Ratio");
            text.Append(CultureInfo.InvariantCulture, $"| {table.Text(row, "Method")} |")
                .Append(string.Concat(parameters.Select(c => $" {row[c].Trim()} |")))
                .Append(CultureInfo.InvariantCulture, $" {(mean is { } m ? Format(m, "0.0") : "NA (failed)")} |")
                .Append(CultureInfo.InvariantCulture, $" {Format(table.Milliseconds(row, "Ideal"), "0.0")} |")
                .Append(CultureInfo.InvariantCulture, $" {(ratio is > 0 ? Format(1 / ratio.Value, "0.00") + "x" : "-")} |")
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

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
