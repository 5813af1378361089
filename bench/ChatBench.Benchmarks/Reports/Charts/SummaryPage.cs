using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// <c>results/SUMMARY.md</c>: per scenario, the speed-up and efficiency table and the charts (PNG files in
/// <c>results/charts/</c>, linked by relative path so the page renders on a code-hosting site). Built only from the
/// files in the results folder, so it can be regenerated at any time without running a benchmark. Missing or
/// unreadable files are said so on the page; no chart is drawn without data.
/// </summary>
public static class SummaryPage
{
    public const string FileName = "SUMMARY.md";

    public static readonly IReadOnlyList<SummarySection> Sections =
    [
        new(
            "Two questions: the short answer comes back first",
            "A long question (hockey players) and a short one (2+2), asked one after the other (Synchronous, the baseline; SequentialAsync) and concurrently. The timeline shows each method's median iteration: concurrently, the short answer arrives first although it was asked second, and the pair takes about as long as the long answer alone.",
            ["SeedScenarioBenchmarks"],
            [new TimelineChart()]),
        new(
            "Batches: wall time by batch size",
            "A batch of mixed short and long prompts sent by each strategy. Sequential time grows with the batch; concurrent time stays near the longest answer until the client or the machine becomes the limit. Dashed lines are each strategy's ideal (zero-overhead) time.",
            BatchScalingChart.ReportClasses,
            [new BatchScalingChart()]),
        new(
            "Bounded concurrency: how many requests in flight",
            "The same batch with at most k requests in flight. Wall time falls as k grows; efficiency (Ideal / Mean) shows how close each k comes to its own k-worker ideal.",
            [BoundedConcurrencyChart.ReportClass],
            [new BoundedConcurrencyChart()]),
        new(
            "Streaming: time to first token and end-to-end latency",
            "Per streaming case (method and concurrency level), the 50th, 90th and 99th percentiles over every measured request: time to first token (TTFT) and time to the last token (E2E).",
            ["StreamingBenchmarks"],
            [StreamingLatencyChart.TimeToFirstToken, StreamingLatencyChart.EndToEnd])
        {
            LatencyTable = true,
        },
    ];

    /// <summary>Writes SUMMARY.md and the charts into <paramref name="resultsDirectory"/>.</summary>
    public static SummaryOutcome Write(string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        var results = new ResultsFolder(resultsDirectory);
        var charts = new List<string>();
        var missing = new List<string>();
        var page = new StringBuilder();
        page.Append("# ChatBench results summary\n\n");
        page.Append("Generated from the files in this folder after every benchmark run; regenerate it without running benchmarks with\n");
        page.Append("`dotnet run -c Release --project bench/ChatBench.Benchmarks -- --report-only`.\n\n");
        var caption = RunHeader(resultsDirectory, page);
        page.Append("Speed-up: the baseline's mean divided by the case's mean, in the same parameter group (2.00x is twice as fast; BenchmarkDotNet's Ratio column is its inverse). ");
        page.Append("Ideal: the batch's zero-overhead time. Efficiency: Ideal / Mean (1.00 = no overhead at all).\n");

        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n## {section.Heading}\n\n{section.Explanation}\n");
            foreach (var reportClass in section.ReportClasses)
            {
                covered.Add(reportClass);
                AppendReport(page, results, reportClass, section.ReportClasses.Count > 1);
            }

            if (section.LatencyTable)
            {
                AppendLatencyTable(page, results);
            }

            foreach (var chart in section.Charts)
            {
                var path = Path.Combine(results.ChartsDirectory, chart.FileName);
                var reason = Draw(chart, results, caption, path);
                if (reason is null)
                {
                    charts.Add(path);
                    page.Append(CultureInfo.InvariantCulture, $"\n![{chart.Title}]({ResultsFolder.ChartsFolder}/{chart.FileName})\n");
                }
                else
                {
                    missing.Add($"{chart.FileName}: {reason}");
                    page.Append(CultureInfo.InvariantCulture, $"\n> **{chart.Title}**: no data: {reason}\n");
                }
            }
        }

        var others = results.Reports().Where(r => !covered.Contains(ResultsFolder.ClassOf(r))).ToList();
        if (others.Count > 0)
        {
            page.Append("\n## Other benchmarks\n");
            foreach (var report in others)
            {
                AppendReport(page, results, ResultsFolder.ClassOf(report), withHeading: true);
            }
        }

        Directory.CreateDirectory(resultsDirectory);
        var pagePath = Path.Combine(resultsDirectory, FileName);
        File.WriteAllText(pagePath, page.ToString());
        return new SummaryOutcome(pagePath, charts, missing);
    }

    /// <summary>The run paragraph; returns the caption the charts carry.</summary>
    private static string RunHeader(string resultsDirectory, StringBuilder page)
    {
        RunInfo? run;
        try
        {
            run = RunInfo.Read(resultsDirectory);
        }
        catch (InvalidDataException e)
        {
            page.Append(CultureInfo.InvariantCulture, $"**Run:** unknown ({e.Message}).\n\n");
            return "run unknown (unreadable run.json)";
        }

        if (run is null)
        {
            page.Append(CultureInfo.InvariantCulture, $"**Run:** unknown: there is no {RunInfo.FileName} in this folder (it is written by every benchmark run).\n\n");
            return "run unknown (no run.json)";
        }

        var caption = run.Caption();
        page.Append(CultureInfo.InvariantCulture, $"**Run:** {caption}; {run.BenchmarkCases} benchmark cases");
        page.Append(run.BenchmarkArguments.Count > 0 ? $", arguments `{string.Join(' ', run.BenchmarkArguments)}`.\n\n" : ".\n\n");
        if (run.FailedCases > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"> **This run failed:** {run.FailedCases} of {run.BenchmarkCases} benchmark cases failed; their rows show NA and their charts are missing or incomplete.\n\n");
        }

        if (run.BenchmarkArguments.Any(a => a is "--filter" or "-f") && !run.BenchmarkArguments.Contains("*"))
        {
            page.Append("> This run was filtered: reports of classes it did not run are from earlier runs.\n\n");
        }

        return caption;
    }

    private static void AppendReport(StringBuilder page, ResultsFolder results, string reportClass, bool withHeading)
    {
        if (withHeading)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n### {reportClass}\n");
        }

        if (results.Report(reportClass) is not { } file)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n> No {reportClass} report in this folder: it did not run.\n");
            return;
        }

        try
        {
            page.Append('\n').Append(SpeedupTable.Render(ReportTable.Load(file)));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n> Could not read {Path.GetFileName(file)}: {e.Message}\n");
        }
    }

    private static void AppendLatencyTable(StringBuilder page, ResultsFolder results)
    {
        try
        {
            var ttft = LatencyPercentiles.Read(results, StreamingLatencyChart.TimeToFirstToken.Metric);
            if (ttft.Count > 0)
            {
                page.Append('\n').Append(SpeedupTable.Render(ttft, LatencyPercentiles.Read(results, StreamingLatencyChart.EndToEnd.Metric)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n> Could not read the streaming latency files: {e.Message}\n");
        }
    }

    /// <summary>Draws one chart; a chart without data leaves no stale image of an earlier run behind.</summary>
    private static string? Draw(IChart chart, ResultsFolder results, string caption, string path)
    {
        string? reason;
        try
        {
            reason = chart.Draw(results, caption, path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            reason = $"could not read its input: {e.Message}";
        }

        if (reason is not null && File.Exists(path))
        {
            File.Delete(path);
        }

        return reason;
    }
}
