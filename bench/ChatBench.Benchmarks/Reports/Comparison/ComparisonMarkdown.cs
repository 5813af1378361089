using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>COMPARISON.md: both runs named, what differs between them, the verdict tables, the chart and the method.</summary>
public static class ComparisonMarkdown
{
    public static string Page(RunComparison comparison, string? chart)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var page = new StringBuilder("# Comparison of two ChatBench runs\n\n");
        var baselinePath = Path.GetRelativePath(comparison.CandidateFolder, comparison.BaselineFolder);
        page.Append(CultureInfo.InvariantCulture, $"- **Baseline** (`{baselinePath}`): {string.Join("; ", comparison.BaselineRuns.Select(r => r.Caption()))}\n");
        page.Append(CultureInfo.InvariantCulture, $"- **Candidate** (this folder): {string.Join("; ", comparison.CandidateRuns.Select(r => r.Caption()))}\n\n");
        page.Append(Differences(comparison)).Append("\n\n").Append(Tally(comparison)).Append("\n\n## Batch time\n\n");
        page.Append(TimeTable(comparison));
        if (chart is not null)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n![Candidate/baseline ratio of the median batch time per case]({chart})\n");
        }

        page.Append("\n## Latency per request\n\nEvery successful request's TTFT, ITL (streams only) and end-to-end time over the measured iterations, p50 / p90 / p99 in ms.\n\n");
        page.Append("| Benchmark | Case | Metric | Baseline | Candidate | Ratio (p50) | 90% interval | Verdict |\n|---|---|---|---:|---:|---:|---|---|\n");
        foreach (var c in comparison.Cases)
        {
            foreach (var m in c.Latency)
            {
                page.Append(CultureInfo.InvariantCulture, $"| {c.Benchmark} | {c.Case} | {m.Metric} | {Percentiles(m.Baseline)} | {Percentiles(m.Candidate)} | {Ratio(m.Ratio)} | {Interval(m.Interval)} | {m.Verdict} |\n");
            }
        }

        page.Append("\n## Efficiency and failed requests\n\n| Benchmark | Case | Efficiency | Trend | Failed requests | Trend |\n|---|---|---:|---|---:|---|\n");
        foreach (var c in comparison.Cases.Where(c => c.Efficiency is not null || c.Errors is not null))
        {
            page.Append(CultureInfo.InvariantCulture, $"| {c.Benchmark} | {c.Case} | {Score(c.Efficiency, "0.000")} | {c.Efficiency?.Trend.ToString() ?? "-"} | {Score(c.Errors, "0")} | {c.Errors?.Trend.ToString() ?? "-"} |\n");
        }

        AppendOnlyIn(page, "baseline", comparison.OnlyInBaseline);
        AppendOnlyIn(page, "candidate", comparison.OnlyInCandidate);
        return page.Append(Method(comparison.Settings)).ToString();
    }

    /// <summary>The batch-time table, also what the command prints.</summary>
    public static string TimeTable(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = new StringBuilder("| Benchmark | Case | Baseline median (ms) | Candidate median (ms) | Ratio | 90% interval | Verdict |\n|---|---|---:|---:|---:|---|---|\n");
        foreach (var c in comparison.Cases)
        {
            if (c.Time is not { } t)
            {
                table.Append(CultureInfo.InvariantCulture, $"| {c.Benchmark} | {c.Case} | - | - | - | - | {c.Verdict} ({c.Note ?? "no iterations"}) |\n");
                continue;
            }

            table.Append(CultureInfo.InvariantCulture, $"| {c.Benchmark} | {c.Case} | {t.Baseline.P50:0.0} | {t.Candidate.P50:0.0} | {Ratio(t.Ratio)} | {Interval(t.Interval)} | {Bold(t.Verdict)} |\n");
        }

        return table.ToString();
    }

    public static string Tally(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"**{comparison.Cases.Count} cases in both runs: {comparison.Count(Verdict.Slower)} Slower, {comparison.Count(Verdict.Faster)} Faster, {comparison.Count(Verdict.Same)} Same, {comparison.Count(Verdict.Unknown)} Unknown**; {comparison.OnlyInBaseline.Count} only in the baseline, {comparison.OnlyInCandidate.Count} only in the candidate.");
    }

    /// <summary>The runs' differences said plainly, so a change of machine or options is not read as a change of code.</summary>
    public static string Differences(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Differences.Count == 0
            ? "**The runs differ in nothing but their date**: same target, model, time scale, seed, commit and iterations. Any verdict other than Same is noise, or the machine."
            : $"**The runs differ in {comparison.Differences.Count} way{(comparison.Differences.Count == 1 ? string.Empty : "s")}:** {string.Join("; ", comparison.Differences)}. "
              + (comparison.Differences.Count == 1
                  ? "If that is what you meant to compare, the verdicts measure it."
                  : "If you meant to compare only one of them, the others changed too and may explain part of any difference.");
    }

    private static string Method(ComparisonSettings settings) => $"""

        ## How the verdicts are made

        Settings: {settings.Describe()}.

        - **Verdict** (batch time and each latency): Perfolizer's `SimpleEquivalenceTest` with one-sided Mann-Whitney tests, on the raw values (the measured iterations' batch times; every request's latency), as dotnet/performance's ResultsComparer does. It runs twice: with the relative threshold, and with the noise floor (as a fraction of the baseline's median). Faster or Slower only when both find the candidate's values shifted beyond them; otherwise Same. Unknown: fewer than two values on a side, or a case that failed. A case's verdict (and `--fail-on-regression`) is its batch time's.
        - **Ratio**: the candidate's median over the baseline's; above 1 is slower. **90% interval**: of the Hodges-Lehmann ratio (the median of every pairwise candidate/baseline ratio), from the pairwise ratios' order statistics that the Mann-Whitney distribution gives (normal approximation; 90% so that each side matches the test's one-sided 5%; samples above 600 values thinned to 600 evenly spaced order statistics).
        - **Efficiency** (ideal / mean, one number per run): Better or Worse when it moved by more than the threshold, relative; otherwise Same.
        - **Failed requests**: Worse when the candidate has failures and the baseline none, or its failed share is more than one percentage point higher; Better the other way round; otherwise Same.
        - Three measured iterations (`--quick`) are too few for a batch-time verdict: 3 against 3, the smallest one-sided p-value is 0.05, not below it. Compare full runs (five iterations).
        """ + "\n";

    private static void AppendOnlyIn(StringBuilder page, string side, IReadOnlyList<string> cases)
    {
        if (cases.Count > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n## Only in the {side}\n\n{string.Concat(cases.Select(c => $"- {c}\n"))}");
        }
    }

    private static string Bold(Verdict verdict) => verdict is Verdict.Faster or Verdict.Slower ? $"**{verdict}**" : verdict.ToString();

    private static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.000", CultureInfo.InvariantCulture) + "x" : "-";

    private static string Interval(RatioInterval? interval) => interval is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{interval.Low:0.000}–{interval.High:0.000}");

    private static string Percentiles(Results.Distribution d) => string.Create(CultureInfo.InvariantCulture, $"{d.P50:0.0} / {d.P90:0.0} / {d.P99:0.0}");

    private static string Score(ScoreComparison? score, string format) => score is null
        ? "-"
        : $"{score.Baseline.ToString(format, CultureInfo.InvariantCulture)} → {score.Candidate.ToString(format, CultureInfo.InvariantCulture)}";
}
