using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The sentences under a section's tables, computed from its results: what happened in this run, including when it
/// is not what the section's prose expects. No sentence is printed for data that is missing.
/// </summary>
public static class Findings
{
    public static IEnumerable<string> For(SummaryPlacement placement, IReadOnlyList<ResultsFile> section)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(section);
        var failed = section.SelectMany(f => f.Cases).Where(c => !c.Success).Select(c => c.Label).ToList();
        if (failed.Count > 0)
        {
            yield return $"{failed.Count} case(s) failed and have no numbers: {string.Join("; ", failed)}.";
        }

        var sentences = placement.Chart switch
        {
            ChartKind.Timeline => section.SelectMany(f => f.Cases).Select(FirstAnswers),
            ChartKind.Scaling => section.Select(f => Fastest(f, placement.XParameter)),
            ChartKind.BoundedScaling => section.SelectMany(f => f.Cases.GroupBy(c => c.Method)).Select(g => Range(g.ToList(), placement.XParameter)),
            ChartKind.LatencyPercentiles => section.SelectMany(f => f.Cases.GroupBy(c => c.Method)).Select(g => Latency(g.ToList(), placement.XParameter)),
            ChartKind.OpenLoop => section.SelectMany(f => OpenLoopFindings.For(f)),
            ChartKind.ConcurrentUsers => section.Select(ConcurrentUsersFindings.For),
            ChartKind.TurnLatency => section.SelectMany(TurnFindings.For),
            _ => [],
        };
        if (placement.Table == TableKind.SendLag)
        {
            sentences = sentences.Concat(section.Select(SendLagFindings.For));
        }

        foreach (var sentence in sentences.OfType<string>())
        {
            yield return sentence;
        }
    }

    /// <summary>Which request answered first in each measured iteration, and the batch against its ideal.</summary>
    private static string? FirstAnswers(CaseResult result)
    {
        if (result.Iterations.Count == 0 || result.MedianIteration is not { Count: > 1 } requests)
        {
            return null;
        }

        var counts = result.Iterations.GroupBy(i => i.FirstAnswered).OrderByDescending(g => g.Count()).ToList();
        var parts = counts.Select(g => g.Key is { } index
            ? $"`{requests.FirstOrDefault(r => r.Index == index)?.PromptClass ?? "?"}` (sent {Ordinal(index + 1)}) in {g.Count()}"
            : $"none (every request failed) in {g.Count()}");
        var efficiency = result.Efficiency is { } e ? string.Create(CultureInfo.InvariantCulture, $" The batch took {result.MeanMs:0.0} ms against an ideal of {result.IdealMs:0.0} ms (efficiency {e:0.00}).") : string.Empty;
        return $"**{result.Label}**: the first answer was {string.Join(", ", parts)} of {result.Iterations.Count} measured iterations.{efficiency}";
    }

    /// <summary>At the largest size, the fastest method and its speed-up over the baseline.</summary>
    private static string? Fastest(ResultsFile results, string? parameter)
    {
        var measured = results.Cases.Where(c => c.MeanMs is > 0 && parameter is not null && c.NumericParameter(parameter) is not null).ToList();
        if (measured.Count == 0)
        {
            return null;
        }

        var largest = measured.Max(c => c.NumericParameter(parameter!)!.Value);
        var fastest = measured.Where(c => c.NumericParameter(parameter!) == largest).MinBy(c => c.MeanMs)!;
        var baseline = SpeedupTable.Baseline(results, fastest);
        var against = baseline is null || baseline == fastest || SpeedupTable.Speedup(results, fastest) is not { } speedup
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", {speedup:0.00}x the speed of {baseline.Method}");
        var efficiency = fastest.Efficiency is { } e ? string.Create(CultureInfo.InvariantCulture, $", efficiency {e:0.00}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{results.Benchmark.Name} at {parameter} = {largest}: fastest was {fastest.Method} ({fastest.MeanMs:0.0} ms{against}{efficiency}).");
    }

    /// <summary>Wall time and efficiency from the smallest to the largest value of the parameter.</summary>
    private static string? Range(IReadOnlyList<CaseResult> cases, string? parameter)
    {
        var points = Ordered(cases, parameter);
        if (points.Count < 2)
        {
            return null;
        }

        var (low, high) = (points[0], points[^1]);
        var efficiencies = points.Select(p => p.Efficiency).OfType<double>().ToList();
        var spread = efficiencies.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; efficiency between {efficiencies.Min():0.00} and {efficiencies.Max():0.00}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{low.Method}: {low.MeanMs:0.0} ms at {parameter} = {low.Parameters[parameter!]}, {high.MeanMs:0.0} ms at {high.Parameters[parameter!]}{spread}.");
    }

    /// <summary>How the median and tail of TTFT moved from the smallest to the largest value of the parameter.</summary>
    private static string? Latency(IReadOnlyList<CaseResult> cases, string? parameter)
    {
        var points = Ordered(cases, parameter).Where(c => c.Latency?.Ttft is not null).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var (low, high) = (points[0], points[^1]);
        var failed = cases.Sum(c => c.Latency?.Failed ?? 0);
        var requests = cases.Sum(c => c.Latency?.Requests ?? 0);
        var errors = failed == 0 ? "no request failed" : string.Create(CultureInfo.InvariantCulture, $"{failed} of {requests} requests failed");
        return points.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{low.Label}: TTFT p50 {low.Latency!.Ttft!.P50:0.0} ms, p99 {low.Latency.Ttft.P99:0.0} ms; {errors}.")
            : string.Create(CultureInfo.InvariantCulture, $"{low.Method}: TTFT p50 went from {low.Latency!.Ttft!.P50:0.0} ms at {parameter} = {low.Parameters[parameter!]} to {high.Latency!.Ttft!.P50:0.0} ms at {high.Parameters[parameter!]} (p99 {low.Latency.Ttft.P99:0.0} to {high.Latency.Ttft.P99:0.0} ms); {errors}.");
    }

    private static List<CaseResult> Ordered(IReadOnlyList<CaseResult> cases, string? parameter) =>
        parameter is null
            ? []
            : cases.Where(c => c.MeanMs is > 0 && c.NumericParameter(parameter) is not null).OrderBy(c => c.NumericParameter(parameter)).ToList();

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => string.Create(CultureInfo.InvariantCulture, $"{n}th"),
    };
}
