using System.Globalization;

namespace ChatBench.Benchmarks.Progress;

/// <summary>
/// The line a live run prints about itself: requests finished (answered or failed, warm-ups included) of the plan
/// printed before the run, and the failures so far by kind. The plan counts every retry a case may send, so a run
/// can end below it.
/// </summary>
public static class ProgressLine
{
    /// <summary>A line while the run goes on, <paramref name="elapsed"/> after it started.</summary>
    public static string During(ProgressSnapshot progress, long plannedRequests, TimeSpan elapsed) =>
        $"// Live progress, {Duration(elapsed)} in: {Counts(progress, plannedRequests)}";

    /// <summary>The line after the last benchmark process ended.</summary>
    public static string Done(ProgressSnapshot progress, long plannedRequests, TimeSpan elapsed) =>
        $"// Live run done in {Duration(elapsed)}: {Counts(progress, plannedRequests)}";

    private static string Counts(ProgressSnapshot progress, long plannedRequests)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var kinds = string.Join(", ", progress.Failures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Count} x {f.Kind}")));
        var failed = progress.Failed == 0 ? "none failed" : string.Create(CultureInfo.InvariantCulture, $"{progress.Failed} failed ({kinds})");
        return string.Create(CultureInfo.InvariantCulture, $"{progress.Finished} of {plannedRequests} planned requests finished, {failed}");
    }

    /// <summary>45s, 2m05s, 1h02m05s.</summary>
    private static string Duration(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}h{elapsed.Minutes:00}m{elapsed.Seconds:00}s")
        : elapsed.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes}m{elapsed.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Seconds}s");
}
