using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Results;

/// <summary>The <see cref="OpenLoopResult"/> of a class's cases, or null when none of them ran an open loop.</summary>
public static class OpenLoopSummary
{
    public static OpenLoopResult? From(Summary summary, IEnumerable<BenchmarkCase> cases, CaseResultStore results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var figures = cases.Select(c => results.Measured(summary, c).OpenLoop).OfType<OpenLoopFigures>().ToList();
        if (figures.Count == 0)
        {
            return null;
        }

        var measured = figures.Where(f => !f.Skipped).Select(f => (f.Offered, f.SloShare));
        var (rate, bound) = SloSearch.HighestRate(measured, OpenLoopResult.DefaultAttainment);
        return new OpenLoopResult
        {
            Slo = figures[0].Slo.ToString(),
            Attainment = OpenLoopResult.DefaultAttainment,
            HighestRateWithinSlo = rate is { } r ? Math.Round(r, 2) : null,
            Bound = bound,
            StubCapacity = figures[0].Capacity is { } c ? Math.Round(c, 2) : null,
            Stopped = figures.Select(f => f.Stopped).FirstOrDefault(s => s is not null),
        };
    }
}
