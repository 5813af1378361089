using System.Globalization;
using System.Text.Json.Serialization;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// A benchmark case's latency over its measured invocations: distributions of each metric over successful requests,
/// throughput, and errors counted per outcome. Throughput divides by the sum of the invocations' durations (first
/// start to last end in each), so the pauses between iterations do not count.
/// </summary>
public sealed record CaseLatency(
    int Requests,
    int Succeeded,
    IReadOnlyDictionary<string, int> Errors,
    Distribution? Ttft,
    Distribution? Itl,
    [property: JsonPropertyName("e2e")] Distribution? E2E,
    Distribution? ChunkGaps,
    Distribution? TtftError,
    Distribution? ItlError,
    [property: JsonPropertyName("e2eError")] Distribution? E2EError,
    double RequestsPerSecond,
    double OutputTokensPerSecond)
{
    public int Failed => Requests - Succeeded;

    [JsonIgnore]
    public string ErrorSummary => Errors.Count == 0
        ? "0"
        : string.Join("; ", Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} x {e.Key}")));

    public static CaseLatency Of(IReadOnlyList<InvocationRecord> invocations)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        var requests = invocations.SelectMany(i => i.Requests).ToList();
        var metrics = requests.Select(RequestLatency.Of).OfType<RequestLatency>().ToList();
        var seconds = invocations.Where(i => i.Requests.Count > 0).Sum(i => (i.Requests.Max(r => r.EndMs) - i.Requests.Min(r => r.StartMs)) / 1000);
        var tokens = metrics.Sum(m => m.OutputTokens ?? 0);
        return new CaseLatency(
            requests.Count,
            metrics.Count,
            requests.Where(r => !r.Succeeded).GroupBy(r => r.Outcome).ToDictionary(g => g.Key.ToString(), g => g.Count()),
            Distribution.Of(metrics.Select(m => m.Ttft).OfType<double>()),
            Distribution.Of(metrics.Select(m => m.Itl).OfType<double>()),
            Distribution.Of(metrics.Select(m => m.E2E)),
            Distribution.Of(requests.Where(r => r.Succeeded).SelectMany(r => r.ChunkGapsMs ?? [])),
            Distribution.Of(metrics.Select(m => m.TtftError).OfType<double>()),
            Distribution.Of(metrics.Select(m => m.ItlError).OfType<double>()),
            Distribution.Of(metrics.Select(m => m.E2EError).OfType<double>()),
            seconds > 0 ? metrics.Count / seconds : 0,
            seconds > 0 ? tokens / seconds : 0);
    }
}
