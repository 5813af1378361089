using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// The harness's own measurement error: per case, measured minus the stub's planned time to first token and
/// inter-token latency over every measured request, next to the measured TTFT for scale.
/// </summary>
public static class CalibrationTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new MarkdownTable(
            "Case", "Requests", "TTFT p50 (ms)", "TTFT error p50 (ms)", "TTFT error p99 (ms)", "TTFT error max (ms)", "ITL error p50 (ms)", "ITL error p99 (ms)", "Failed");
        foreach (var result in results.Cases)
        {
            if (result.Latency is not { } latency)
            {
                table.Row(result.Label, result.Success ? "-" : "NA (failed)", "-", "-", "-", "-", "-", "-", "-");
                continue;
            }

            table.Row(
                result.Label,
                $"{latency.Requests}",
                MarkdownTable.Figure(latency.Ttft?.P50, "0.0"),
                MarkdownTable.Figure(latency.TtftError?.P50, "0.00"),
                MarkdownTable.Figure(latency.TtftError?.P99, "0.00"),
                MarkdownTable.Figure(latency.TtftError?.Max, "0.00"),
                MarkdownTable.Figure(latency.ItlError?.P50, "0.000"),
                MarkdownTable.Figure(latency.ItlError?.P99, "0.000"),
                latency.ErrorSummary);
        }

        var unplanned = results.Cases.Any(c => c.Latency is { TtftError: null });
        return results.Cases.Count == 0
            ? $"{results.Benchmark.Name} has no benchmark cases.\n"
            : $"{table}\nError: measured minus the stub's planned time; positive means the harness saw it later than the stub planned it.{(unplanned ? " A case without errors had no planned times: the error is only defined against the stub." : string.Empty)}\n";
    }
}
