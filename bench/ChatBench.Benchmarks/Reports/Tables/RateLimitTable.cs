using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// Retry policies against a rate-limited server: per policy, the batch's wall time against its ideal, and per batch the
/// HTTP attempts, the 429 answers and the requests finally lost (failed after every retry).
/// </summary>
public static class RateLimitTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Cases.Count == 0)
        {
            return $"{results.Benchmark.Name} has no benchmark cases.\n";
        }

        var table = new MarkdownTable("Policy", "Requests", "Wall time (ms)", "Ideal (ms)", "Efficiency", "Attempts", "429s", "Failed");
        foreach (var result in results.Cases)
        {
            table.Row(
                result.Label,
                result.Iterations.FirstOrDefault() is { } iteration ? $"{iteration.Requests}" : "-",
                result.MeanMs is { } mean ? MarkdownTable.Figure(mean, "0.0") : "NA (failed)",
                MarkdownTable.Figure(result.IdealMs, "0.0"),
                MarkdownTable.Figure(result.Efficiency, "0.00"),
                PerBatch(result, BatchMetrics.Attempts),
                PerBatch(result, BatchMetrics.RateLimited),
                PerBatch(result, BatchMetrics.Failed));
        }

        return $"{table}\nAttempts, 429s and Failed are per batch, means over the measured batches; every retry counts as an attempt, the SDK's own included.\n";
    }

    private static string PerBatch(CaseResult result, string column) =>
        MarkdownTable.Figure(result.Column(column), "0.#");
}
