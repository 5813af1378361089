using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>Every metric a case can have, in the order the summaries show them.</summary>
public static class CaseMetrics
{
    public static IReadOnlyList<CaseMetric> For(TargetKind target) =>
        [.. BatchMetrics.All(target), .. LatencyMetrics.All(target == TargetKind.Stub), .. OpenLoopMetrics.All, .. ConcurrentUsersMetrics.All, .. OverheadMetrics.All];

    /// <summary>The values <paramref name="measured"/> has, by metric name: what the results JSON keeps.</summary>
    public static IReadOnlyDictionary<string, double> Compute(IEnumerable<CaseMetric> metrics, MeasuredCase measured)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics
            .Select(m => (m.Name, Value: m.Compute(measured)))
            .Where(m => m.Value is { } v && double.IsFinite(v))
            .ToDictionary(m => m.Name, m => m.Value!.Value);
    }
}
