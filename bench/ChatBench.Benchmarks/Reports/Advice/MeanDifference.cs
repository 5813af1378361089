using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>
/// Whether two cases' mean times differ by more than their iterations' spread explains: the difference must exceed
/// both <see cref="AdviceFormat.MaterialDifference"/> of the second mean and twice its standard error (Welch's, from
/// BenchmarkDotNet's per-case standard deviation and count). Two runs of one SDK case at 1,000 requests differed by
/// 6.7 %, and its iterations within one run by 8 %: a bare percentage is not evidence.
/// </summary>
public static class MeanDifference
{
    public static bool IsClear(CaseResult result, CaseResult against)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(against);
        if (result.Statistics is not { Count: > 1 } a || against.Statistics is not { Count: > 1 } b)
        {
            return false;
        }

        var difference = Math.Abs(a.MeanMs - b.MeanMs);
        var standardError = Math.Sqrt((a.StandardDeviationMs * a.StandardDeviationMs / a.Count) + (b.StandardDeviationMs * b.StandardDeviationMs / b.Count));
        return difference > AdviceFormat.MaterialDifference * b.MeanMs && difference > 2 * standardError;
    }
}
