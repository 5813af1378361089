using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// One measure of one case in both runs: the batch time over the measured iterations, or a per-request latency over
/// every successful request. <see cref="Ratio"/> is the candidate's median over the baseline's (above 1: slower).
/// </summary>
public sealed record MetricComparison(string Metric, Distribution Baseline, Distribution Candidate, double Ratio, RatioInterval? Interval, Verdict Verdict)
{
    public const string Time = "time";

    /// <summary>The comparison of two raw samples, or null when either side has none.</summary>
    public static MetricComparison? Of(string metric, IReadOnlyList<double>? baseline, IReadOnlyList<double>? candidate, ComparisonSettings settings)
    {
        if (baseline is not { Count: > 0 } || candidate is not { Count: > 0 })
        {
            return null;
        }

        var before = Distribution.Of(baseline)!;
        var after = Distribution.Of(candidate)!;
        return new MetricComparison(
            metric,
            before,
            after,
            before.P50 > 0 ? after.P50 / before.P50 : double.NaN,
            RatioInterval.Of(baseline, candidate),
            EquivalenceVerdict.Decide(baseline, candidate, settings));
    }
}
