using ChatBench.Benchmarks.Reports;

namespace ChatBench.Benchmarks;

/// <summary>Writes SUMMARY.md and its charts from the JSON results in a folder: after every run, and for <c>--report-only</c>.</summary>
public static class SummaryCommand
{
    /// <summary>For <c>--report-only</c>: a missing folder or unreadable results is a one-line error.</summary>
    public static int Execute(string results, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            Write(results, output);
            return ExitCodes.Ok;
        }
        catch (DirectoryNotFoundException)
        {
            errors.WriteLine($"error: the results folder {results} does not exist: run the benchmarks first, or point --results at a folder of results.");
        }
        catch (InvalidDataException e)
        {
            errors.WriteLine($"error: {e.Message}");
        }

        return ExitCodes.BadArguments;
    }

    /// <exception cref="InvalidDataException">A results file is unreadable.</exception>
    public static void Write(string results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var summary = SummaryPage.Write(results);
        output.WriteLine($"Summary: {summary.Page} with {summary.Charts.Count} charts in {Path.Combine(results, SummaryPage.ChartsFolder)}");
        foreach (var gap in summary.Missing)
        {
            output.WriteLine($"  no chart: {gap}");
        }

        ProfileReports.Write(results, output);
    }
}
