using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The open-loop generator's send lag (actual minus scheduled send, ms) at one offered rate: p50, p99 and max over the
/// case's recorded requests, or only the p99 column for results files whose requests do not record their send lag.
/// </summary>
public sealed record SendLagPoint(double Rate, int Requests, double? P50, double P99, double? Max)
{
    /// <summary>What the generator's precision is judged against: a schedule held within a millisecond.</summary>
    public const double ToleranceMs = 1.0;

    /// <summary>The class's measured rates in ascending order; cases without a send lag are left out.</summary>
    public static IReadOnlyList<SendLagPoint> Of(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Cases
            .Select(Of)
            .OfType<SendLagPoint>()
            .OrderBy(p => p.Rate)
            .ToList();
    }

    private static SendLagPoint? Of(CaseResult result)
    {
        if (result.Column(OpenLoopResult.OfferedColumn) is not { } rate)
        {
            return null;
        }

        var requests = result.Latency?.Requests ?? 0;
        if (Distribution.Of(result.Requests?.Select(r => r.SendLagMs).OfType<double>() ?? []) is { } lag)
        {
            return new SendLagPoint(rate, requests, lag.P50, lag.P99, lag.Max);
        }

        return result.Column(OpenLoopResult.SendLagP99Column) is { } p99 ? new SendLagPoint(rate, requests, null, p99, null) : null;
    }
}
