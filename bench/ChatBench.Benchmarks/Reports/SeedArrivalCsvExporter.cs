using System.Globalization;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports.Charts;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The seed scenario's requests as data, one row per request of every measured iteration, for the timeline chart:
/// <c>method,iteration,index,prompt,start_ms,end_ms,outcome</c>, times in milliseconds after the batch started.
/// </summary>
public sealed class SeedArrivalCsvExporter(RecordStore records) : IExporter
{
    public const string FileSuffix = "-arrivals.csv";

    public const string Header = "method,iteration,index,prompt,start_ms,end_ms,outcome";

    public string Name => "ChatBench.SeedArrivalsCsv";

    public void ExportToLog(Summary summary, ILogger logger)
    {
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var cases = summary.BenchmarksCases.Where(c => c.Descriptor.Type == typeof(SeedScenarioBenchmarks)).ToList();
        if (cases.Count == 0)
        {
            return [];
        }

        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        foreach (var benchmarkCase in cases)
        {
            text.Append(Rows(benchmarkCase.Descriptor.WorkloadMethod.Name, records.Measured(summary, benchmarkCase)));
        }

        var path = Path.Combine(summary.ResultsDirectoryPath, typeof(SeedScenarioBenchmarks).FullName + FileSuffix);
        File.WriteAllText(path, text.ToString());
        return [path];
    }

    /// <summary>The rows of one method; iterations are numbered from 1 like in the arrival tables.</summary>
    internal static string Rows(string method, IReadOnlyList<InvocationRecord> invocations)
    {
        var text = new StringBuilder();
        for (var n = 0; n < invocations.Count; n++)
        {
            foreach (var request in invocations[n].Requests.OrderBy(r => r.Index))
            {
                text.Append(CultureInfo.InvariantCulture, $"{ReportTable.Field(method)},{n + 1},{request.Index},{ReportTable.Field(request.PromptClass)},")
                    .Append(CultureInfo.InvariantCulture, $"{request.StartMs:0.###},{request.EndMs:0.###},{ReportTable.Field(request.Outcome)}\n");
            }
        }

        return text.ToString();
    }
}
