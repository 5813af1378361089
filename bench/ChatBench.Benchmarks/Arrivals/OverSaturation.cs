using System.Globalization;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// Why a sweep should go no higher after an open-loop run, or null: too many errors, or latency growing without bound.
/// The latter is GuideLLM's over-saturation rule: requests in flight and latency both keep growing over the run, so a
/// higher rate would only queue more.
/// </summary>
public static class OverSaturation
{
    /// <summary>Too few requests to see a trend.</summary>
    public const int MinimumRequests = 30;

    public static string? Reason(IReadOnlyList<RequestRecord> requests, double maxErrorRate)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return null;
        }

        var failed = requests.Count(r => !r.Succeeded);
        if ((double)failed / requests.Count > maxErrorRate)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{failed} of {requests.Count} requests failed, above the error limit of {maxErrorRate:P0}");
        }

        if (requests.Count < MinimumRequests)
        {
            return null;
        }

        var sent = requests.OrderBy(r => r.StartMs).ToList();
        var third = sent.Count / 3;
        var early = Distribution.Quantile(sent.Take(third).Select(r => r.LatencyMs).ToList(), 0.5);
        var late = Distribution.Quantile(sent.Skip(sent.Count - third).Select(r => r.LatencyMs).ToList(), 0.5);
        var (midway, end) = (InFlight(sent, sent[sent.Count / 2].StartMs), InFlight(sent, sent[^1].StartMs));
        return late > 2 * early && end > 2 * midway
            ? string.Create(CultureInfo.InvariantCulture, $"over-saturated: median latency grew from {early:0} ms in the first third of the run to {late:0} ms in the last, and requests in flight from {midway} at the midpoint to {end} at the end")
            : null;
    }

    private static int InFlight(List<RequestRecord> sent, double at) => sent.Count(r => r.StartMs <= at && r.EndMs > at);
}
