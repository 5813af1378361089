using ChatBench.Benchmarks.Reports.Comparison;

namespace ChatBench.Benchmarks;

/// <summary>
/// <c>--compare BASELINE</c>: compares the baseline folder's results with the results folder's, writes the comparison
/// into the results folder, prints the table; runs no benchmark.
/// </summary>
public static class CompareCommand
{
    public static int Execute(string baseline, string candidate, ComparisonSettings settings, bool failOnRegression, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        RunComparison comparison;
        try
        {
            comparison = RunComparison.Of(Path.GetFullPath(baseline), candidate, settings);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException)
        {
            errors.WriteLine($"error: {e.Message}");
            return ExitCodes.BadArguments;
        }

        var (page, noChart) = ComparisonReport.Write(comparison);
        output.WriteLine(ComparisonMarkdown.Differences(comparison));
        output.WriteLine();
        output.Write(ComparisonMarkdown.TimeTable(comparison));
        output.WriteLine();
        output.WriteLine(ComparisonMarkdown.Tally(comparison).Replace("**", string.Empty, StringComparison.Ordinal));
        output.WriteLine($"Comparison: {page} (and .json, .csv){(noChart is null ? $", chart {ComparisonChart.FileName}" : $"; no chart: {noChart}")}");
        if (failOnRegression && comparison.Count(Verdict.Slower) > 0)
        {
            errors.WriteLine($"regression: {comparison.Count(Verdict.Slower)} case(s) Slower than the baseline (exit {ExitCodes.Regression}).");
            return ExitCodes.Regression;
        }

        return ExitCodes.Ok;
    }
}
