using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The sentences of an open-loop section: the highest rate within the SLO (and on the stub its capacity, the truth it
/// is checked against), how it was found, and whether the sweep stopped early.
/// </summary>
public static class OpenLoopFindings
{
    public static IEnumerable<string> For(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.OpenLoop is not { } open)
        {
            yield break;
        }

        var capacity = open.StubCapacity is { } c ? string.Create(CultureInfo.InvariantCulture, $" (the stub's capacity: {c:0.0} req/s)") : string.Empty;
        var attainment = string.Create(CultureInfo.InvariantCulture, $"{open.Attainment:P0}");
        if (open.HighestRateWithinSlo is not { } rate)
        {
            yield return $"Highest rate within the SLO: below the lowest rate measured{capacity}: not even it kept {attainment} of its requests within {open.Slo}.";
        }
        else
        {
            var how = open.Bound == SloSearch.AtLeast
                ? "at least; the highest rate measured still met it"
                : $"interpolated between the measured rates where the share within the SLO crosses {attainment}";
            yield return string.Create(CultureInfo.InvariantCulture, $"Highest rate within the SLO: {rate:0.0} req/s{capacity}. SLO: {open.Slo}, {attainment} of requests; {how}.");
            if (open.StubCapacity is { } truth && truth > 0)
            {
                // A rate the sweep never saw fail is no knee: comparing it with the capacity would read as a measurement.
                yield return open.Bound == SloSearch.AtLeast
                    ? "The sweep did not reach its knee, so it says nothing about the stub's capacity: give higher rates with --rates."
                    : string.Create(CultureInfo.InvariantCulture, $"The measured knee is {(rate / truth) - 1:+0.0%;-0.0%} from the stub's theoretical capacity (slots / mean service time at a full batch).");
            }
        }

        if (open.Stopped is { } stopped)
        {
            yield return $"The sweep stopped early: {stopped}.";
        }
    }
}
