using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Scenarios;
using static ChatBench.Benchmarks.Reports.Advice.AdviceFormat;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>Advice from the seed scenario and the batch sweeps: send independent requests at once, and how far that holds.</summary>
public static class ConcurrencyAdvice
{
    /// <summary>Within this of the ideal (efficiency 0.95 and up) a batch is "close to ideal".</summary>
    public const double CloseToIdeal = 0.95;

    public static AdviceItem? SeedScenario(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(SeedScenarioBenchmarks);
        // The section's baseline (the seed's first program: one question after the other), as its table compares.
        var sequential = results.Baseline(benchmark);
        var concurrent = results.Case(benchmark, nameof(SeedScenarioBenchmarks.Concurrent));
        if (sequential?.MeanMs is not { } oneByOne || concurrent?.MeanMs is not { } atOnce)
        {
            return null;
        }

        var speedup = oneByOne / atOnce;
        var first = concurrent.Iterations.Where(i => i.FirstAnswered is not null).GroupBy(i => i.FirstAnswered!.Value).MaxBy(g => g.Count());
        var firstClass = first is null ? null : concurrent.MedianIteration?.FirstOrDefault(r => r.Index == first.Key)?.PromptClass;
        var whoFirst = firstClass is null ? string.Empty : $", and `{firstClass}` (sent {(first!.Key == 0 ? "first" : "second")}) answered first in {first!.Count()} of {concurrent.Iterations.Count} iterations";
        var sentence = speedup >= 1 + MaterialDifference
            ? $"Start independent requests together and await them with `Task.WhenAll`: the seed's two questions took {Ms(atOnce)} ms at once against {Ms(oneByOne)} ms one after the other ({Ratio(speedup)}){whoFirst}: together they take as long as the slower one, not the sum."
            : $"Sending the seed's two questions at once gained nothing in this run: {Ms(atOnce)} ms against {Ms(oneByOne)} ms one after the other{whoFirst}.";
        return new AdviceItem(sentence, results.SectionOf(benchmark));
    }

    /// <summary>Up to how many requests at once <c>Task.WhenAll</c> stays close to ideal, and what the batch past it cost the client.</summary>
    public static AdviceItem? FanOut(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sizes = new[] { nameof(BatchBenchmarks), nameof(LargeBatchBenchmarks) }
            .SelectMany(b => results.Cases(b, nameof(BatchBenchmarks.WhenAll)).Select(c => (Benchmark: b, Case: c)))
            .Where(s => s.Case.NumericParameter(nameof(BatchBenchmarks.BatchSize)) is not null && s.Case.Efficiency is not null)
            .OrderBy(s => s.Case.NumericParameter(nameof(BatchBenchmarks.BatchSize)))
            .ToList();
        if (sizes.Count == 0)
        {
            return null;
        }

        double Size(int i) => sizes[i].Case.NumericParameter(nameof(BatchBenchmarks.BatchSize))!.Value;
        var firstShort = sizes.FindIndex(s => s.Case.Efficiency < CloseToIdeal);
        if (firstShort < 0)
        {
            return new AdviceItem(
                $"`Task.WhenAll` stayed within {Percent(1 - CloseToIdeal)} of the ideal batch time at every size measured, up to {Count(Size(sizes.Count - 1))} requests at once (efficiency {Fraction(sizes[^1].Case.Efficiency!.Value)}).",
                results.SectionOf(sizes[^1].Benchmark));
        }

        var (benchmark, beyond) = sizes[firstShort];
        var overhead = Overhead(beyond) is { } ms ? $", {Ms(ms)} ms over its ideal of {Ms(beyond.IdealMs!.Value)} ms" : string.Empty;
        var before = firstShort > 0 && Overhead(sizes[firstShort - 1].Case) is { } earlier ? $" (at {Count(Size(firstShort - 1))}: {Ms(earlier)} ms)" : string.Empty;
        var upTo = firstShort == 0 ? "below the smallest size measured" : $"up to {Count(Size(firstShort - 1))} requests at once";
        return new AdviceItem(
            $"`Task.WhenAll` stayed within {Percent(1 - CloseToIdeal)} of the ideal batch time {upTo}; at {Count(Size(firstShort))} it reached efficiency {Fraction(beyond.Efficiency!.Value)}{overhead}{before}: the client's and the server's own work grows with the requests in flight, so measure at the size you will send.",
            results.SectionOf(benchmark));
    }

    private static double? Overhead(CaseResult result) => result.MeanMs - result.IdealMs;
}
