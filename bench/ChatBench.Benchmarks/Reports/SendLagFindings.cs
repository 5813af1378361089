using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The generator's precision as a sentence: the highest offered rate up to which the send lag's p99 stays within
/// <see cref="SendLagPoint.ToleranceMs"/>, every lower rate included; said plainly when no rate or every rate did.
/// </summary>
public static class SendLagFindings
{
    public static string? For(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var points = SendLagPoint.Of(results);
        if (points.Count == 0)
        {
            return null;
        }

        var held = points.TakeWhile(p => p.P99 <= SendLagPoint.ToleranceMs).ToList();
        var within = string.Create(CultureInfo.InvariantCulture, $"within {SendLagPoint.ToleranceMs:0.#} ms at the 99th percentile");
        if (held.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"No rate measured kept the send lag {within}: already at the lowest, {points[0].Rate:0} req/s, its p99 was {points[0].P99:0.00} ms (at the highest, {points[^1].Rate:0} req/s, {points[^1].P99:0.00} ms).");
        }

        if (held.Count == points.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The schedule held {within} at every rate measured, up to {held[^1].Rate:0} req/s (p99 {held[^1].P99:0.00} ms): where it stops holding lies above this sweep.");
        }

        var broke = points[held.Count];
        return string.Create(CultureInfo.InvariantCulture, $"The schedule held {within} up to {held[^1].Rate:0} req/s (p99 {held[^1].P99:0.00} ms); at {broke.Rate:0} req/s its p99 was {broke.P99:0.00} ms.");
    }
}
