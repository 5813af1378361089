using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The conversations' sentences: for cases that differ only in whether the prefix cache was on, what the cache saved
/// at each session's last turn, and how much of the prompt it held.
/// </summary>
public static class TurnFindings
{
    /// <summary>The <c>[Params]</c> name that turns the prefix cache on and off.</summary>
    public const string CacheParameter = nameof(Scenarios.ConversationBenchmarks.PrefixCache);

    public static IEnumerable<string> For(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var on = results.Cases.FirstOrDefault(c => c.Parameters.GetValueOrDefault(CacheParameter) == bool.TrueString);
        var off = results.Cases.FirstOrDefault(c => c.Parameters.GetValueOrDefault(CacheParameter) == bool.FalseString);
        if (on is null || off is null)
        {
            yield break;
        }

        var cached = TurnFigures.Of(on);
        var uncached = TurnFigures.Of(off);
        var last = cached.Select(t => t.Turn).Intersect(uncached.Select(t => t.Turn)).DefaultIfEmpty(-1).Max();
        if (last < 0 || cached.Single(t => t.Turn == last) is not { Ttft: { } with } hit || uncached.Single(t => t.Turn == last).Ttft is not { } without)
        {
            yield break;
        }

        var held = hit.CachedTokens is { } tokens && hit.PromptTokens > 0
            ? string.Create(CultureInfo.InvariantCulture, $", with {tokens:0} of its {hit.PromptTokens:0} prompt tokens ({tokens / hit.PromptTokens:P0}) answered from the cache")
            : string.Empty;
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"At turn {last}, the sessions' last, the prefix cache took TTFT p50 from {without.P50:0.0} ms to {with.P50:0.0} ms ({without.P50 - with.P50:0.0} ms less){held}.");
    }
}
