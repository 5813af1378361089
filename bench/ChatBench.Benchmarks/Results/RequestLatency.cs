using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// One successful request's latency metrics, as GenAI-Perf and AIPerf define them, all in milliseconds from the
/// request's start: TTFT to the first non-empty content, E2E to the last content, and ITL = (E2E - TTFT) / (tokens - 1)
/// when there are at least two output tokens. Each "Error" is measured minus the stub's configured value (stub only).
/// </summary>
public sealed record RequestLatency(
    double? Ttft,
    double E2E,
    double StreamEnd,
    double? Itl,
    int? OutputTokens,
    double? TtftError,
    double? E2EError,
    double? ItlError)
{
    /// <summary>The metrics of a request, or null for a failed one: errors never enter latency statistics.</summary>
    public static RequestLatency? Of(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Succeeded)
        {
            return null;
        }

        var ttft = record.TtftMs;
        var e2e = record.E2EMs;
        double? itl = ttft is { } t && record.OutputTokens is >= 2 and var n ? (e2e - t) / (n - 1) : null;
        double? plannedItl = record is { ExpectedTtftMs: { } plannedTtft, ExpectedTotalMs: { } plannedTotal, OutputTokens: >= 2 and var tokens }
            ? (plannedTotal - plannedTtft) / (tokens - 1)
            : null;
        return new RequestLatency(
            ttft,
            e2e,
            record.EndMs - record.StartMs,
            itl,
            record.OutputTokens,
            ttft - record.ExpectedTtftMs,
            e2e - record.ExpectedTotalMs,
            itl - plannedItl);
    }
}
