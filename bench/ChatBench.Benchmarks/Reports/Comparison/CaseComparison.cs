using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// One benchmark case (class, method, parameters) present in both runs: its batch time, its per-request latencies,
/// efficiency and failed requests, each baseline against candidate.
/// </summary>
public sealed record CaseComparison(
    string Benchmark,
    string Case,
    MetricComparison? Time,
    IReadOnlyList<MetricComparison> Latency,
    ScoreComparison? Efficiency,
    ScoreComparison? Errors,
    string? Note)
{
    /// <summary>The case's verdict: its batch time's, the quantity BenchmarkDotNet measured.</summary>
    public Verdict Verdict => Time?.Verdict ?? Verdict.Unknown;

    public static CaseComparison Of(string benchmark, CaseResult baseline, CaseResult candidate, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var note = (baseline.Success, candidate.Success) switch
        {
            (false, false) => "failed in both runs",
            (false, true) => "failed in the baseline",
            (true, false) => "failed in the candidate",
            _ => null,
        };
        var time = note is null ? MetricComparison.Of(MetricComparison.Time, baseline.IterationsMs, candidate.IterationsMs, settings) : null;
        List<MetricComparison?> latency =
        [
            MetricComparison.Of("TTFT", baseline.Samples?.TtftMs, candidate.Samples?.TtftMs, settings),
            MetricComparison.Of("ITL", baseline.Samples?.ItlMs, candidate.Samples?.ItlMs, settings),
            MetricComparison.Of("E2E", baseline.Samples?.E2EMs, candidate.Samples?.E2EMs, settings),
        ];
        return new CaseComparison(
            benchmark,
            baseline.Label,
            time,
            [.. latency.OfType<MetricComparison>()],
            ScoreComparison.Efficiency(baseline, candidate, settings),
            ScoreComparison.Errors(baseline, candidate),
            note);
    }
}
