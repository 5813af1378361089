using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The page's run paragraph. A results folder can hold classes from several runs (a filtered run replaces only the
/// classes it ran): then each run is listed with its classes, so no number is shown under the wrong run.
/// </summary>
public static class RunHeader
{
    public static void Append(StringBuilder page, IReadOnlyList<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            page.Append("**Run:** none: there are no results in this folder. Run the benchmarks first.\n\n");
            return;
        }

        var runs = files.GroupBy(f => f.Run.Caption(), StringComparer.Ordinal).ToList();
        var cases = files.Sum(f => f.Cases.Count);
        if (runs.Count == 1)
        {
            page.Append(CultureInfo.InvariantCulture, $"**Run:** {runs[0].Key}; {cases} benchmark cases in {files.Count} classes.\n\n");
        }
        else
        {
            page.Append(CultureInfo.InvariantCulture, $"**Runs:** these {cases} benchmark cases come from {runs.Count} runs:\n\n");
            foreach (var run in runs)
            {
                page.Append(CultureInfo.InvariantCulture, $"- {run.Key}: {string.Join(", ", run.Select(f => f.Benchmark.Name))}\n");
            }

            page.Append('\n');
        }

        var failed = files.Sum(f => f.Cases.Count(c => !c.Success));
        if (failed > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"> **{failed} of {cases} benchmark cases failed:** their rows show NA and their charts are missing or incomplete.\n\n");
        }
    }
}
