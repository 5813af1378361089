using System.Reflection;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// A results file's placement with its table kind known. A file written before sections declared their table has none:
/// it takes the table and chart kinds its class declares in this build (the figures they need were in such files
/// already) and, while the section is the same (same heading), its current prose, which describes those tables. A
/// class this build no longer has keeps its chart and shows the speed-up table, as it did then.
/// </summary>
public static class SectionKinds
{
    public static SummaryPlacement? Resolve(BenchmarkDescription benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        if (benchmark.Summary is not { Table: TableKind.Unspecified } stored)
        {
            return benchmark.Summary;
        }

        var declared = typeof(SectionKinds).Assembly.GetType(benchmark.Type)?.GetCustomAttribute<SummarySectionAttribute>();
        return declared is null
            ? stored with { Table = TableKind.Speedup }
            : stored with
            {
                Table = declared.Table,
                Chart = declared.Chart,
                Explanation = declared.Heading == stored.Heading ? declared.Explanation : stored.Explanation,
            };
    }

    /// <summary>The files with their placements resolved, so every section knows its table and charts.</summary>
    public static IReadOnlyList<ResultsFile> Resolve(IEnumerable<ResultsFile> files) =>
        files.Select(f => f with { Benchmark = f.Benchmark with { Summary = Resolve(f.Benchmark) } }).ToList();
}
