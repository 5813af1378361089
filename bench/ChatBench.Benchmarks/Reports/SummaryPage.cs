using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Reports.Advice;
using ChatBench.Benchmarks.Reports.Charts;
using ChatBench.Benchmarks.Reports.Tables;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// <c>results/SUMMARY.md</c>: per section declared by the benchmark classes, each class's table of the figures the
/// section's question needs (its <see cref="TableKind"/>), the findings computed from the data, and the charts (PNG
/// files in <c>results/charts/</c>). Built only from the JSON results in the folder, so <c>--report-only</c>
/// regenerates the same page at any time.
/// </summary>
public static class SummaryPage
{
    public const string FileName = "SUMMARY.md";

    public const string ChartsFolder = "charts";

    /// <summary>Writes SUMMARY.md and the charts into <paramref name="resultsDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A results file is unreadable or of an unknown schema version.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static SummaryOutcome Write(string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        var files = SectionKinds.Resolve(ResultsJson.ReadFolder(resultsDirectory));
        var chartsDirectory = Path.Combine(resultsDirectory, ChartsFolder);
        var charts = new List<string>();
        var missing = new List<string>();
        var page = new StringBuilder();
        page.Append("# ChatBench results summary\n\n");
        page.Append("Generated from the JSON results in this folder (`*-results.json`) after every benchmark run; regenerate it without\n");
        page.Append("running benchmarks with `dotnet run -c Release --project bench/ChatBench.Benchmarks -- --report-only`.\n\n");
        RunHeader.Append(page, files);
        CodeAdvice.Append(page, files);
        page.Append("Speed-up: the baseline's mean divided by the case's mean, among cases with the same parameters (2.00x is twice as fast). ");
        page.Append("Ideal: the batch's zero-overhead time. Efficiency: Ideal / Mean (1.00 = no overhead at all).\n");

        var sections = files.Where(f => f.Benchmark.Summary is not null)
            .GroupBy(f => f.Benchmark.Summary!.Heading, StringComparer.Ordinal)
            .OrderBy(g => g.Min(f => f.Benchmark.Summary!.Order))
            .Select(g => g.OrderBy(f => f.Benchmark.Summary!.Order).ThenBy(f => f.Benchmark.Name, StringComparer.Ordinal).ToList());
        foreach (var section in sections)
        {
            var placement = section[0].Benchmark.Summary!;
            page.Append(CultureInfo.InvariantCulture, $"\n## {placement.Heading}\n\n{placement.Explanation}\n");
            foreach (var file in section)
            {
                AppendTable(page, file, file.Benchmark.Summary!.Table, withHeading: section.Count > 1);
            }

            if (placement.Chart == ChartKind.LatencyPercentiles)
            {
                page.Append('\n').Append(LatencyTable.Render(section));
            }

            var findings = Findings.For(placement, section).ToList();
            if (findings.Count > 0)
            {
                page.Append("\nIn this run:\n\n").Append(string.Concat(findings.Select(f => $"- {f}\n")));
            }

            foreach (var chart in SectionCharts.For(placement.Chart))
            {
                var name = chart.FileName(section[0].Benchmark.Name);
                var path = Path.Combine(chartsDirectory, name);
                Directory.CreateDirectory(chartsDirectory);
                if (chart.Draw(section, placement, section[0].Run.Caption(), path) is { } reason)
                {
                    File.Delete(path);
                    missing.Add($"{name}: {reason}");
                    page.Append(CultureInfo.InvariantCulture, $"\n> **{chart.Title}**: no chart: {reason}\n");
                }
                else
                {
                    charts.Add(path);
                    page.Append(CultureInfo.InvariantCulture, $"\n![{chart.Title}]({ChartsFolder}/{name})\n");
                }
            }
        }

        page.Append(ServerViewTable.Render(files));
        var others = files.Where(f => f.Benchmark.Summary is null).ToList();
        if (others.Count > 0)
        {
            page.Append("\n## Other benchmarks\n");
            foreach (var file in others)
            {
                AppendTable(page, file, TableKind.Speedup, withHeading: true);
            }
        }

        var pagePath = Path.Combine(resultsDirectory, FileName);
        File.WriteAllText(pagePath, page.ToString());
        return new SummaryOutcome(pagePath, charts, missing);
    }

    private static void AppendTable(StringBuilder page, ResultsFile file, TableKind table, bool withHeading)
    {
        if (withHeading)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n### {file.Benchmark.Name}\n");
        }

        page.Append('\n').Append(SectionTables.Render(table, file));
    }
}
