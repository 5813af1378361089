using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// One turn index of a conversation case, over every measured session: its requests, prompt and cached tokens, how
/// many hit the prefix cache, and its latency distributions (successful requests only). Times in milliseconds.
/// </summary>
/// <param name="PromptTokens">Mean prompt tokens: the server's usage when every answered turn had it, else the o200k tokenizer's count of the messages sent.</param>
/// <param name="PromptTokensFromUsage">Whether <paramref name="PromptTokens"/> is the server's count.</param>
/// <param name="CachedTokens">Mean cached prompt tokens as the server's usage reported them; null when it never said.</param>
/// <param name="CacheHitShare">Share of the successful requests with any cached tokens; null when the server never said.</param>
public sealed record TurnFigures(
    int Turn,
    int Requests,
    int Failed,
    double PromptTokens,
    bool PromptTokensFromUsage,
    double? CachedTokens,
    double? CacheHitShare,
    Distribution? Ttft,
    Distribution? Itl,
    Distribution? E2E,
    Distribution? TtftError,
    double? OutputTokensPerSecond)
{
    /// <summary>Per turn index, in order; empty for a case whose requests are not turns.</summary>
    public static IReadOnlyList<TurnFigures> Of(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.Requests ?? [])
            .Where(r => r.Turn is not null)
            .GroupBy(r => r.Turn!.Value)
            .OrderBy(g => g.Key)
            .Select(g => Figures(g.Key, g.ToList()))
            .ToList();
    }

    private static TurnFigures Figures(int turn, List<RequestRecord> requests)
    {
        var answered = requests.Where(r => r.Succeeded).ToList();
        var latencies = answered.Select(RequestLatency.Of).OfType<RequestLatency>().ToList();
        var reported = answered.Where(r => r.CachedTokens is not null).ToList();
        var seconds = latencies.Sum(l => l.E2E) / 1000;
        var fromUsage = answered.Count > 0 && answered.All(r => r.ReportedPromptTokens is not null);
        return new TurnFigures(
            turn,
            requests.Count,
            requests.Count - answered.Count,
            fromUsage
                ? answered.Average(r => (double)r.ReportedPromptTokens!.Value)
                : requests.Where(r => r.PromptTokens is not null).Select(r => (double)r.PromptTokens!.Value).DefaultIfEmpty().Average(),
            fromUsage,
            reported.Count == 0 ? null : reported.Average(r => (double)r.CachedTokens!.Value),
            reported.Count == 0 ? null : reported.Count(r => r.CachedTokens > 0) / (double)reported.Count,
            Distribution.Of(latencies.Select(l => l.Ttft).OfType<double>()),
            Distribution.Of(latencies.Select(l => l.Itl).OfType<double>()),
            Distribution.Of(latencies.Select(l => l.E2E)),
            Distribution.Of(latencies.Select(l => l.TtftError).OfType<double>()),
            seconds > 0 ? latencies.Sum(l => l.OutputTokens ?? 0) / seconds : null);
    }
}
