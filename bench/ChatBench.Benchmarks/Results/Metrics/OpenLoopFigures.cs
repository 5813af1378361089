using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>
/// An open-loop case over its measured invocations. Achieved rate and goodput (vLLM's definition: requests that met
/// every SLO limit) are per second of the run: from the first scheduled send to the last answer, so a server that
/// falls behind lowers them. The SLO share counts every scheduled request, failed ones as misses.
/// </summary>
public sealed record OpenLoopFigures(
    double Offered, double Achieved, double Goodput, double SloShare, Distribution? SendLag, Distribution? StubQueue, double? Capacity, SloLimits Slo, string? Stopped, bool Skipped)
{
    public static OpenLoopFigures? Of(IReadOnlyList<InvocationRecord> invocations)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        var runs = invocations.Where(i => i.OpenLoop is not null).ToList();
        if (runs.Count == 0)
        {
            return null;
        }

        var first = runs[0].OpenLoop!;
        var slo = SloLimits.FromMilliseconds(first.SloTtftMs, first.SloItlMs, first.SloE2EMs);
        var requests = runs.SelectMany(i => i.Requests).ToList();
        var seconds = runs.Where(i => i.Requests.Count > 0).Sum(i => (i.Requests.Max(r => r.EndMs) - i.Requests.Min(r => r.StartMs)) / 1000);
        var good = requests.Select(RequestLatency.Of).OfType<RequestLatency>().Count(m => slo.Meets(m.Ttft, m.Itl, m.E2E));
        return new OpenLoopFigures(
            runs.Average(i => i.OpenLoop!.OfferedRate),
            seconds > 0 ? requests.Count(r => r.Succeeded) / seconds : 0,
            seconds > 0 ? good / seconds : 0,
            requests.Count > 0 ? (double)good / requests.Count : 0,
            Distribution.Of(requests.Select(r => r.SendLagMs).OfType<double>()),
            Distribution.Of(requests.Select(r => r.StubQueueMs).OfType<double>()),
            first.StubCapacity,
            slo,
            runs.Select(i => i.OpenLoop!.Stopped).FirstOrDefault(s => s is not null),
            runs.All(i => i.OpenLoop!.Skipped));
    }
}
