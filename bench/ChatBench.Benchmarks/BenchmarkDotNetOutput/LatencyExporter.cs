using System.Globalization;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports.Csv;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.BenchmarkDotNetOutput;

/// <summary>
/// Writes, for every benchmark class with records, the full latency metrics of each case: <c>-latency.csv</c> (one row
/// per case, for tools) and <c>-latency.md</c> (the same, to read), and for the streaming benchmarks <c>-requests.csv</c>
/// (one row per measured request, for distributions). Times are milliseconds; "error" columns are measured minus the stub's
/// configured value, the harness's own measurement error (empty on a live target).
/// </summary>
public sealed class LatencyExporter(CaseResultStore results) : IExporter
{
    public const string SummarySuffix = "-latency.csv";
    public const string MarkdownSuffix = "-latency.md";
    public const string RequestsSuffix = "-requests.csv";

    private static readonly string[] Metrics = ["ttft", "itl", "e2e", "gap", "ttft_error", "itl_error", "e2e_error"];

    public string Name => "ChatBench.Latency";

    public void ExportToLog(Summary summary, ILogger logger)
    {
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var cases = summary.BenchmarksCases
            .Select(c => (Case: c, Invocations: results.Measured(summary, c).Invocations))
            .Where(c => c.Invocations.Count > 0)
            .ToList();
        if (cases.Count == 0)
        {
            return [];
        }

        var type = cases[0].Case.Descriptor.Type.FullName;
        var parameters = cases[0].Case.Parameters.Items.Select(p => p.Name).ToList();
        var latencies = cases.Select(c => (c.Case, c.Invocations, Latency: results.For(summary, c.Case).Latency!)).ToList();
        var files = new List<string>
        {
            Write(summary, type + SummarySuffix, SummaryCsv(latencies, parameters)),
            Write(summary, type + MarkdownSuffix, Markdown(type ?? "benchmarks", latencies, parameters)),
        };
        if (cases.Any(c => c.Case.Descriptor.Categories.Contains(BenchmarkCategories.Streaming)))
        {
            files.Add(Write(summary, type + RequestsSuffix, RequestsCsv.Render(parameters, cases.Select(c => new RequestsCsv.Case(c.Case.Descriptor.WorkloadMethod.Name, c.Case.Parameters.Items.Select(p => p.Value).ToList(), c.Invocations)))));
        }

        return files;
    }

    private static string Write(Summary summary, string fileName, string text)
    {
        var path = Path.Combine(summary.ResultsDirectoryPath, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    private static string SummaryCsv(List<(BenchmarkCase Case, IReadOnlyList<InvocationRecord> Invocations, CaseLatency Latency)> cases, List<string> parameters)
    {
        var table = new CsvTable(
        [
            "Method", .. parameters, "requests", "ok", "failed", "errors", "requests_per_s", "output_tokens_per_s",
            .. Metrics.SelectMany(m => (string[])[$"{m}_p50_ms", $"{m}_p90_ms", $"{m}_p99_ms", $"{m}_mean_ms", $"{m}_max_ms"]),
        ]);
        foreach (var (benchmarkCase, _, latency) in cases)
        {
            table.Row(
            [
                benchmarkCase.Descriptor.WorkloadMethod.Name, .. benchmarkCase.Parameters.Items.Select(p => CsvTable.Text(p.Value)),
                CsvTable.Text(latency.Requests), CsvTable.Text(latency.Succeeded), CsvTable.Text(latency.Failed), latency.ErrorSummary,
                CsvTable.Number(latency.RequestsPerSecond, "0.00"), CsvTable.Number(latency.OutputTokensPerSecond, "0.0"),
                .. Distributions(latency).SelectMany(d => (string[])[CsvTable.Number(d?.P50), CsvTable.Number(d?.P90), CsvTable.Number(d?.P99), CsvTable.Number(d?.Mean), CsvTable.Number(d?.Max)]),
            ]);
        }

        return table.ToString();
    }

    private static string Markdown(string type, List<(BenchmarkCase Case, IReadOnlyList<InvocationRecord> Invocations, CaseLatency Latency)> cases, List<string> parameters)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Latency of {type}");
        text.AppendLine();
        text.AppendLine("Per request, over the measured iterations (warm-up excluded), successful requests only; milliseconds.");
        text.AppendLine("TTFT: start to the first non-empty content chunk. ITL: (E2E - TTFT) / (output tokens - 1). E2E: start to the");
        text.AppendLine("last content (the whole answer when not streaming). Error rows: measured minus the stub's configured value.");
        text.AppendLine();
        var header = string.Concat(parameters.Select(p => $" {p} |"));
        text.AppendLine(CultureInfo.InvariantCulture, $"| Method |{header} Metric | p50 | p90 | p99 | mean | max |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(parameters.Select(_ => "---:|"))}---|---:|---:|---:|---:|---:|");
        foreach (var (benchmarkCase, _, latency) in cases)
        {
            var label = $"| {benchmarkCase.Descriptor.WorkloadMethod.Name} |{string.Concat(benchmarkCase.Parameters.Items.Select(p => $" {Convert.ToString(p.Value, CultureInfo.InvariantCulture)} |"))}";
            foreach (var (metric, distribution) in Metrics.Zip(Distributions(latency)))
            {
                if (distribution is { } d)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{label} {metric} | {d.P50:0.0} | {d.P90:0.0} | {d.P99:0.0} | {d.Mean:0.0} | {d.Max:0.0} |");
                }
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{label} throughput | {latency.RequestsPerSecond:0.0} requests/s, {latency.OutputTokensPerSecond:0} output tokens/s | | | | |");
            text.AppendLine(CultureInfo.InvariantCulture, $"{label} requests | {latency.Succeeded} ok of {latency.Requests}; errors: {latency.ErrorSummary} | | | | |");
        }

        return text.ToString();
    }

    private static Distribution?[] Distributions(CaseLatency latency) =>
        [latency.Ttft, latency.Itl, latency.E2E, latency.ChunkGaps, latency.TtftError, latency.ItlError, latency.E2EError];
}
