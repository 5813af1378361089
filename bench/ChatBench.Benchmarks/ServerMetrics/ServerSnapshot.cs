using System.Diagnostics;

namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>The series the harness reads from one scrape, by the server's own names, at a <see cref="Stopwatch"/> timestamp.</summary>
public sealed record ServerSnapshot(
    ServerMetricNames Names,
    long Timestamp,
    double Running,
    double Waiting,
    IReadOnlyDictionary<string, double> RequestsByReason,
    double? PromptTokens,
    double? GenerationTokens,
    HistogramCounts? Ttft,
    HistogramCounts? E2E,
    HistogramCounts? QueueTime,
    HistogramCounts? InterToken,
    double? CpuSeconds)
{
    /// <exception cref="FormatException">A histogram the names point to is malformed.</exception>
    public static ServerSnapshot Read(PrometheusExposition exposition, ServerMetricNames names, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        ArgumentNullException.ThrowIfNull(names);
        return new ServerSnapshot(
            names,
            timestamp,
            exposition.Sum(names.Running) ?? 0,
            exposition.Sum(names.Waiting) ?? 0,
            exposition.SumBy(names.Requests, ServerMetricNames.FinishReasonLabel),
            exposition.Sum(names.PromptTokens),
            exposition.Sum(names.GenerationTokens),
            exposition.Histogram(names.Ttft),
            exposition.Histogram(names.E2E),
            names.QueueTime is { } queue ? exposition.Histogram(queue) : null,
            names.InterToken.Select(exposition.Histogram).FirstOrDefault(h => h is not null),
            exposition.Sum(ServerMetricNames.ProcessCpu));
    }

    /// <summary>Requests in flight at the server: running and waiting.</summary>
    public double InFlight => Running + Waiting;

    /// <summary>What the server counted between <paramref name="before"/> and this scrape, with the load sampled in between.</summary>
    public ServerWindow Since(ServerSnapshot before, IReadOnlyList<ServerLoadSample> load)
    {
        ArgumentNullException.ThrowIfNull(before);
        var reasons = RequestsByReason.ToDictionary(
            r => r.Key,
            r => Increase(before.RequestsByReason.TryGetValue(r.Key, out var earlier) ? earlier : 0, r.Value),
            StringComparer.Ordinal);
        return new ServerWindow
        {
            Server = Names.Server,
            DurationMs = Stopwatch.GetElapsedTime(before.Timestamp, Timestamp).TotalMilliseconds,
            Requests = reasons.Values.Sum(),
            RequestsByFinishReason = reasons.Keys.Any(k => k.Length > 0) ? reasons.Where(r => r.Value > 0).ToDictionary() : null,
            PromptTokens = Increase(before.PromptTokens, PromptTokens),
            GenerationTokens = Increase(before.GenerationTokens, GenerationTokens),
            Ttft = Since(before.Ttft, Ttft),
            E2E = Since(before.E2E, E2E),
            QueueTime = Since(before.QueueTime, QueueTime),
            InterToken = Since(before.InterToken, InterToken),
            CpuMs = Increase(before.CpuSeconds, CpuSeconds) * 1000,
            Load = load,
            RunningAfter = Running,
            WaitingAfter = Waiting,
        };
    }

    /// <summary>A counter's increase; a counter that fell was reset (the server restarted), so its value is all new.</summary>
    private static double Increase(double before, double after) => after >= before ? after - before : after;

    private static double? Increase(double? before, double? after) => after is { } now ? Increase(before ?? 0, now) : null;

    private static HistogramCounts? Since(HistogramCounts? before, HistogramCounts? after) =>
        after is null ? null : before is null ? after : after.Minus(before);
}
