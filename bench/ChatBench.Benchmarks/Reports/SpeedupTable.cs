using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// A benchmark class's results as a markdown table: each case's mean, ideal, speed-up over its baseline and efficiency.
/// The speed-up divides the baseline's mean by the case's mean among cases with the same parameters.
/// </summary>
public static class SpeedupTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Cases.Count == 0)
        {
            return $"{results.Benchmark.Name} has no benchmark cases.\n";
        }

        var parameters = results.Cases.SelectMany(c => c.Parameters.Keys).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("| Method |").Append(string.Concat(parameters.Select(p => $" {p} |")))
            .Append(" Mean (ms) | Ideal (ms) | Speed-up | Efficiency |\n");
        text.Append("|---|").Append(string.Concat(parameters.Select(_ => "---:|"))).Append("---:|---:|---:|---:|\n");
        foreach (var result in results.Cases)
        {
            var speedup = Speedup(results, result);
            text.Append(CultureInfo.InvariantCulture, $"| {result.Method} |")
                .Append(string.Concat(parameters.Select(p => $" {result.Parameters.GetValueOrDefault(p, "-")} |")))
                .Append(CultureInfo.InvariantCulture, $" {(result.MeanMs is { } m ? Format(m, "0.0") : "NA (failed)")} |")
                .Append(CultureInfo.InvariantCulture, $" {Format(result.IdealMs, "0.0")} |")
                .Append(CultureInfo.InvariantCulture, $" {(speedup is { } x ? Format(x, "0.00") + "x" : "-")} |")
                .Append(CultureInfo.InvariantCulture, $" {Format(result.Efficiency, "0.00")} |\n");
        }

        return text.ToString();
    }

    /// <summary>The baseline's mean over the case's mean, or null when the class has no baseline or either failed.</summary>
    public static double? Speedup(ResultsFile results, CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(result);
        var baseline = Baseline(results, result);
        return baseline?.MeanMs is > 0 && result.MeanMs is > 0 ? baseline.MeanMs / result.MeanMs : null;
    }

    /// <summary>The baseline case with the same parameters as <paramref name="result"/>.</summary>
    public static CaseResult? Baseline(ResultsFile results, CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(result);
        return results.Cases.FirstOrDefault(c => c.Baseline && c.GroupKey() == result.GroupKey());
    }

    public static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
