using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// Conversations: per case, one row per turn index with its prompt and cached tokens, the cache hit share, the latency
/// percentiles and, on the stub, the harness's TTFT error against the stub's plan for the tokens it had cached.
/// </summary>
public static class TurnTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new MarkdownTable(
            "Case", "Turn", "Requests", "Prompt tokens", "Cached tokens", "Cache hits (%)", "TTFT p50 (ms)", "TTFT p90 (ms)", "TTFT p99 (ms)",
            "ITL p50 (ms)", "ITL p90 (ms)", "ITL p99 (ms)", "E2E p50 (ms)", "E2E p90 (ms)", "E2E p99 (ms)", "TTFT error p50 (ms)", "Tokens/s", "Failed");
        foreach (var result in results.Cases)
        {
            foreach (var turn in TurnFigures.Of(result))
            {
                table.Row(
                    result.Label,
                    turn.Turn.ToString(CultureInfo.InvariantCulture),
                    turn.Requests.ToString(CultureInfo.InvariantCulture),
                    MarkdownTable.Figure(turn.PromptTokens, "0") + (turn.PromptTokensFromUsage ? string.Empty : " (o200k)"),
                    MarkdownTable.Figure(turn.CachedTokens, "0"),
                    MarkdownTable.Figure(turn.CacheHitShare * 100, "0"),
                    MarkdownTable.Figure(turn.Ttft?.P50, "0.0"),
                    MarkdownTable.Figure(turn.Ttft?.P90, "0.0"),
                    MarkdownTable.Figure(turn.Ttft?.P99, "0.0"),
                    MarkdownTable.Figure(turn.Itl?.P50, "0.00"),
                    MarkdownTable.Figure(turn.Itl?.P90, "0.00"),
                    MarkdownTable.Figure(turn.Itl?.P99, "0.00"),
                    MarkdownTable.Figure(turn.E2E?.P50, "0.0"),
                    MarkdownTable.Figure(turn.E2E?.P90, "0.0"),
                    MarkdownTable.Figure(turn.E2E?.P99, "0.0"),
                    MarkdownTable.Figure(turn.TtftError?.P50, "0.00"),
                    MarkdownTable.Figure(turn.OutputTokensPerSecond, "0"),
                    turn.Failed.ToString(CultureInfo.InvariantCulture));
            }
        }

        return table.Rows == 0
            ? $"{results.Benchmark.Name} has no measured turns (every case failed, or none ran).\n"
            : $"{table}\nTurn 0 is each session's first request. Prompt tokens: the server's usage, or, marked (o200k), the tokenizer's count of the messages sent where the server reported none; cached tokens and cache hits: what the server's usage reported (\"-\" when it never said). Tokens/s: a turn's output tokens over its requests' summed end-to-end time, so one stream's rate. TTFT error: measured minus the stub's plan for the tokens it had cached (stub only).\n";
    }
}
