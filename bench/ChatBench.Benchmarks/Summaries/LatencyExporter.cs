using System.Globalization;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Summaries;

/// <summary>
/// Writes, for every benchmark class with records, the full latency metrics of each case: <c>-latency.csv</c> (one row
/// per case, for tools) and <c>-latency.md</c> (the same, to read), and for the streaming benchmarks <c>-requests.csv</c>
/// (one row per measured request, for distributions). Times are milliseconds; "error" columns are measured minus the stub's
/// configured value, the harness's own measurement error (empty on a live target).
/// </summary>
public sealed class LatencyExporter(RecordStore records) : IExporter
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
            .Select(c => (Case: c, Invocations: records.Measured(summary, c)))
            .Where(c => c.Invocations.Count > 0)
            .ToList();
        if (cases.Count == 0)
        {
            return [];
        }

        var type = cases[0].Case.Descriptor.Type.FullName;
        var parameters = cases[0].Case.Parameters.Items.Select(p => p.Name).ToList();
        var latencies = cases.Select(c => (c.Case, c.Invocations, Latency: records.Latency(summary, c.Case))).ToList();
        var files = new List<string>
        {
            Write(summary, type + SummarySuffix, SummaryCsv(latencies, parameters)),
            Write(summary, type + MarkdownSuffix, Markdown(type ?? "benchmarks", latencies, parameters)),
        };
        if (cases.Any(c => c.Case.Descriptor.Categories.Contains(BenchmarkCategories.Streaming)))
        {
            files.Add(Write(summary, type + RequestsSuffix, RequestsCsv(cases, parameters)));
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
        var text = new StringBuilder();
        text.Append("Method");
        foreach (var parameter in parameters)
        {
            text.Append(',').Append(parameter);
        }

        text.Append(",requests,ok,failed,errors,requests_per_s,output_tokens_per_s");
        foreach (var metric in Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $",{metric}_p50_ms,{metric}_p90_ms,{metric}_p99_ms,{metric}_mean_ms,{metric}_max_ms");
        }

        text.Append('\n');
        foreach (var (benchmarkCase, _, latency) in cases)
        {
            text.Append(benchmarkCase.Descriptor.WorkloadMethod.Name);
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                text.Append(',').Append(Convert.ToString(parameter.Value, CultureInfo.InvariantCulture));
            }

            text.Append(CultureInfo.InvariantCulture, $",{latency.Requests},{latency.Succeeded},{latency.Failed},\"{latency.ErrorSummary}\",{latency.RequestsPerSecond:0.00},{latency.OutputTokensPerSecond:0.0}");
            foreach (var distribution in Distributions(latency))
            {
                text.Append(distribution is { } d
                    ? string.Create(CultureInfo.InvariantCulture, $",{d.P50:0.000},{d.P90:0.000},{d.P99:0.000},{d.Mean:0.000},{d.Max:0.000}")
                    : ",,,,,");
            }

            text.Append('\n');
        }

        return text.ToString();
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

    private static string RequestsCsv(List<(BenchmarkCase Case, IReadOnlyList<InvocationRecord> Invocations)> cases, List<string> parameters)
    {
        var text = new StringBuilder();
        text.Append("method");
        foreach (var parameter in parameters)
        {
            text.Append(',').Append(parameter.ToLowerInvariant());
        }

        text.Append(",iteration,index,prompt_class,start_ms,ttft_ms,e2e_ms,end_ms,output_tokens,outcome,expected_ttft_ms,expected_total_ms\n");
        foreach (var (benchmarkCase, invocations) in cases)
        {
            var label = benchmarkCase.Descriptor.WorkloadMethod.Name + string.Concat(benchmarkCase.Parameters.Items.Select(p => "," + Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
            for (var iteration = 0; iteration < invocations.Count; iteration++)
            {
                foreach (var r in invocations[iteration].Requests)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{label},{iteration + 1},{r.Index},{r.PromptClass},{r.StartMs:0.000},{r.FirstTokenMs - r.StartMs:0.000},{(r.LastTokenMs ?? r.EndMs) - r.StartMs:0.000},{r.EndMs:0.000},{r.OutputTokens},{r.Outcome},{r.ExpectedTtftMs:0.000},{r.ExpectedTotalMs:0.000}\n");
                }
            }
        }

        return text.ToString();
    }

    private static Distribution?[] Distributions(CaseLatency latency) =>
        [latency.Ttft, latency.Itl, latency.E2E, latency.ChunkGaps, latency.TtftError, latency.ItlError, latency.E2EError];
}
