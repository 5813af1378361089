using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>
/// A case of a sweep over concurrent users, over its measured invocations. Every turn is judged against the SLO as an
/// open loop judges its requests (<see cref="SloLimits.Meets"/>); a failed turn, and the turns its session then never
/// sent, count as misses. The cache hit share counts the answered turns the server answered partly from its prefix cache.
/// </summary>
/// <param name="CacheHitShare">Null when the server never reported cached tokens.</param>
public sealed record ConcurrentUsersFigures(int Users, int Turns, double SloShare, double? CacheHitShare, SloLimits Slo)
{
    public static ConcurrentUsersFigures? Of(IReadOnlyList<InvocationRecord> invocations)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        var runs = invocations.Where(i => i.Conversation is not null).ToList();
        if (runs.Count == 0)
        {
            return null;
        }

        var first = runs[0].Conversation!;
        var slo = SloLimits.FromMilliseconds(first.SloTtftMs, first.SloItlMs, first.SloE2EMs);
        var turns = runs.SelectMany(i => i.Requests).ToList();
        var within = turns.Select(RequestLatency.Of).OfType<RequestLatency>().Count(l => slo.Meets(l.Ttft, l.Itl, l.E2E));
        var reported = turns.Where(r => r.Succeeded && r.CachedTokens is not null).ToList();
        return new ConcurrentUsersFigures(
            first.Users,
            turns.Count,
            turns.Count > 0 ? (double)within / turns.Count : 0,
            reported.Count > 0 ? reported.Count(r => r.CachedTokens > 0) / (double)reported.Count : null,
            slo);
    }
}
