namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>The figures of a case of a sweep over concurrent users (see <see cref="ConcurrentUsersFigures"/>); other cases have none.</summary>
public static class ConcurrentUsersMetrics
{
    public static IEnumerable<CaseMetric> All { get; } =
    [
        Of(ConcurrentUsersResult.UsersColumn, "Users holding conversations at once, each waiting its think time between an answer and its next turn", "0", 0, f => f.Users),
        Of(ConcurrentUsersResult.WithinSloColumn, "Share of the turns whose TTFT, ITL and E2E all met the SLO (a failed turn, and the turns its session then never sent, count as misses), in percent", "0.0", 1, f => f.SloShare * 100),
        Of(ConcurrentUsersResult.CacheHitsColumn, "Share of the answered turns the server answered partly from its prefix cache (usage's cached tokens above 0), in percent", "0", 2, f => f.CacheHitShare * 100),
    ];

    private static CaseMetric Of(string name, string legend, string format, int priority, Func<ConcurrentUsersFigures, double?> value) =>
        new(name, legend, format, 70 + priority, MetricAudience.AnyValue, c => c.ConcurrentUsers is { } figures ? value(figures) : null);
}
