using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// A number each run has once per case, with no raw samples to test: efficiency, or the share of requests that
/// failed. Its trend follows a plain rule, written out in COMPARISON.md.
/// </summary>
public sealed record ScoreComparison(double Baseline, double Candidate, Trend Trend)
{
    /// <summary>
    /// Efficiency (ideal / mean, higher is better) moved when it changed by more than the time threshold, relative:
    /// the same bar a time must clear.
    /// </summary>
    public static ScoreComparison? Efficiency(CaseResult baseline, CaseResult candidate, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(settings);
        if (baseline.Efficiency is not { } before || candidate.Efficiency is not { } after || before <= 0)
        {
            return null;
        }

        var change = (after - before) / before;
        var trend = Math.Abs(change) <= settings.Threshold ? Trend.Same : change > 0 ? Trend.Better : Trend.Worse;
        return new ScoreComparison(before, after, trend);
    }

    /// <summary>
    /// Failed requests (a count per run): worse when the candidate fails where the baseline did not, or its failed share
    /// is more than one percentage point higher; better the other way round.
    /// </summary>
    public static ScoreComparison? Errors(CaseResult baseline, CaseResult candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Latency is not { Requests: > 0 } before || candidate.Latency is not { Requests: > 0 } after)
        {
            return null;
        }

        var beforeShare = (double)before.Failed / before.Requests;
        var afterShare = (double)after.Failed / after.Requests;
        var trend = (before.Failed, after.Failed) switch
        {
            (0, 0) => Trend.Same,
            (0, _) => Trend.Worse,
            (_, 0) => Trend.Better,
            _ when Math.Abs(afterShare - beforeShare) <= 0.01 => Trend.Same,
            _ => afterShare > beforeShare ? Trend.Worse : Trend.Better,
        };
        return new ScoreComparison(before.Failed, after.Failed, trend);
    }
}
