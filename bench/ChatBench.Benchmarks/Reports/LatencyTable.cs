using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>Per case, the TTFT and E2E percentiles over every measured request, and the failed requests by kind.</summary>
public static class LatencyTable
{
    public static string Render(IEnumerable<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder();
        text.Append("| Case | TTFT p50 (ms) | TTFT p90 (ms) | TTFT p99 (ms) | E2E p50 (ms) | E2E p90 (ms) | E2E p99 (ms) | Failed |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var result in files.SelectMany(f => f.Cases).Where(c => c.Latency is not null))
        {
            var latency = result.Latency!;
            text.Append(CultureInfo.InvariantCulture, $"| {result.Label} | {F(latency.Ttft?.P50)} | {F(latency.Ttft?.P90)} | {F(latency.Ttft?.P99)} |")
                .Append(CultureInfo.InvariantCulture, $" {F(latency.E2E?.P50)} | {F(latency.E2E?.P90)} | {F(latency.E2E?.P99)} | {latency.ErrorSummary} |\n");
        }

        return text.ToString();
    }

    private static string F(double? value) => SpeedupTable.Format(value, "0.0");
}
