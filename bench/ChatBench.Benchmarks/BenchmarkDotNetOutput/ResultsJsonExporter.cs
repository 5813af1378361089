using System.Reflection;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.BenchmarkDotNetOutput;

/// <summary>
/// Writes <c>&lt;Namespace.Class&gt;-results.json</c> for every benchmark class of a summary: the run, the class's
/// summary placement, and each case's <see cref="CaseResult"/>. Every report and chart is made from these files.
/// </summary>
public sealed class ResultsJsonExporter(CaseResultStore results, RunDescription run) : IExporter
{
    public string Name => "ChatBench.Json";

    public void ExportToLog(Summary summary, ILogger logger)
    {
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.BenchmarksCases
            .GroupBy(c => c.Descriptor.Type)
            .Select(type => (Type: type.Key, Cases: type.Select(c => results.For(summary, c)).ToList(), OpenLoop: OpenLoopSummary.From(summary, type, results), Users: ConcurrentUsersResult.Of(type.Select(c => results.Measured(summary, c).ConcurrentUsers).OfType<ConcurrentUsersFigures>())))
            .Select(type => ResultsJson.Write(
                new ResultsFile
                {
                    SchemaVersion = ResultsFile.CurrentSchemaVersion,
                    Run = run with { MeasuredIterations = MeasuredIterations(summary, type.Type) ?? run.MeasuredIterations },
                    Benchmark = new BenchmarkDescription
                    {
                        Type = type.Type.FullName ?? type.Type.Name,
                        Name = type.Type.Name,
                        Categories = summary.BenchmarksCases.Where(c => c.Descriptor.Type == type.Type).SelectMany(c => c.Descriptor.Categories).Distinct().Order(StringComparer.Ordinal).ToList(),
                        Summary = type.Type.GetCustomAttribute<SummarySectionAttribute>()?.ToPlacement(),
                        ColumnLegends = results.Metrics.Where(m => type.Cases.Any(r => r.Columns.ContainsKey(m.Name))).ToDictionary(m => m.Name, m => m.Legend),
                    },
                    Cases = type.Cases,
                    OpenLoop = type.OpenLoop,
                    ConcurrentUsers = type.Users,
                },
                summary.ResultsDirectoryPath))
            .ToList();
    }

    /// <summary>The class's own measured iterations when it sets them (<c>[IterationCount]</c>), so its caption says so.</summary>
    private static int? MeasuredIterations(Summary summary, Type type) =>
        summary.BenchmarksCases
            .Where(c => c.Descriptor.Type == type)
            .Select(c => c.Job.ResolveValueAsNullable(RunMode.IterationCountCharacteristic))
            .FirstOrDefault(n => n is not null);
}
