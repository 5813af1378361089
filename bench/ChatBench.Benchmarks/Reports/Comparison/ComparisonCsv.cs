using ChatBench.Benchmarks.Reports.Csv;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>COMPARISON.csv: one row per case and measure, for spreadsheets; medians in ms, scores as they are.</summary>
public static class ComparisonCsv
{
    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var csv = new CsvTable("benchmark", "case", "metric", "baseline", "candidate", "ratio", "ratio_low", "ratio_high", "verdict");
        foreach (var c in comparison.Cases)
        {
            foreach (var m in new[] { c.Time }.Concat(c.Latency).OfType<MetricComparison>())
            {
                Row(csv, c.Benchmark, c.Case, m.Metric, m.Baseline.P50, m.Candidate.P50, m.Ratio, m.Interval?.Low, m.Interval?.High, m.Verdict.ToString());
            }

            if (c.Time is null)
            {
                Row(csv, c.Benchmark, c.Case, MetricComparison.Time, null, null, null, null, null, $"{c.Verdict}: {c.Note}");
            }

            foreach (var (name, score) in new[] { ("efficiency", c.Efficiency), ("failed_requests", c.Errors) })
            {
                if (score is not null)
                {
                    Row(csv, c.Benchmark, c.Case, name, score.Baseline, score.Candidate, null, null, null, score.Trend.ToString());
                }
            }
        }

        foreach (var (side, cases) in new[] { ("only in baseline", comparison.OnlyInBaseline), ("only in candidate", comparison.OnlyInCandidate) })
        {
            foreach (var key in cases)
            {
                Row(csv, key, string.Empty, "presence", null, null, null, null, null, side);
            }
        }

        return csv.ToString();
    }

    private static void Row(CsvTable csv, string benchmark, string name, string metric, double? baseline, double? candidate, double? ratio, double? low, double? high, string verdict) =>
        csv.Row(benchmark, name, metric, Number(baseline), Number(candidate), Number(ratio), Number(low), Number(high), verdict);

    private static string Number(double? value) => CsvTable.Number(value, "0.####");
}
