using System.Globalization;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// Writes, next to the seed scenario's report, a table per method of every measured iteration: which answer arrived
/// first and when each arrived after the pair was sent. Under concurrency the short answer comes first.
/// </summary>
public sealed class SeedArrivalExporter(RecordStore records) : IExporter
{
    public const string FileSuffix = "-arrivals.md";

    public string Name => "ChatBench.SeedArrivals";

    public void ExportToLog(Summary summary, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.WriteLine(Render(summary));
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(SeedScenarioBenchmarks)))
        {
            return [];
        }

        var path = Path.Combine(summary.ResultsDirectoryPath, typeof(SeedScenarioBenchmarks).FullName + FileSuffix);
        File.WriteAllText(path, Render(summary));
        return [path];
    }

    private string Render(Summary summary)
    {
        var text = new StringBuilder();
        text.AppendLine("# Seed scenario: which answer arrived first");
        text.AppendLine();
        text.AppendLine("Every measured iteration sends the long question (hockey players) and then the short one (2+2). Times are");
        text.AppendLine("milliseconds after the first request was sent, measured in the benchmark process.");
        foreach (var benchmarkCase in summary.BenchmarksCases.Where(c => c.Descriptor.Type == typeof(SeedScenarioBenchmarks)))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {benchmarkCase.Descriptor.WorkloadMethod.Name}");
            text.AppendLine();
            var invocations = records.Measured(summary, benchmarkCase);
            if (invocations.Count == 0)
            {
                text.AppendLine("No measured iterations: the benchmark failed or did not run.");
                continue;
            }

            text.AppendLine("| Iteration | First answer | Long answer arrived (ms) | Short answer arrived (ms) | Short answer / long answer |");
            text.AppendLine("|---:|---|---:|---:|---:|");
            var n = 0;
            foreach (var invocation in invocations)
            {
                var longAnswer = invocation.Requests.Single(r => r.Index == 0);
                var shortAnswer = invocation.Requests.Single(r => r.Index == 1);
                var first = shortAnswer.EndMs < longAnswer.EndMs ? "short (2+2)" : "long (hockey)";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {++n} | {first} | {longAnswer.EndMs:0.0} | {shortAnswer.EndMs:0.0} | {shortAnswer.EndMs / longAnswer.EndMs:0.00} |");
            }
        }

        return text.ToString();
    }
}
