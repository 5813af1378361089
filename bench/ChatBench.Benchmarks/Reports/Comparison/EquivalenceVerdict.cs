using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// Faster, slower or the same, as dotnet/performance's ResultsComparer decides it: two one-sided Mann-Whitney tests
/// (Perfolizer's) on the raw values, each against the other side raised by the margin, the larger of the relative
/// threshold and the absolute noise floor. Slower: the candidate's values are significantly above the baseline's
/// raised by the margin; Faster: the other way round; otherwise Same.
/// </summary>
/// <remarks>
/// The margin is applied here, not through Perfolizer 0.6.1's <c>SimpleEquivalenceTest</c>: there a 5 % threshold's
/// effective shift comes out negative (-11.7 for values around 235), so the threshold changed no verdict at all.
/// </remarks>
public static class EquivalenceVerdict
{
    public static Verdict Decide(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(settings);
        if (baseline.Count < 2 || candidate.Count < 2)
        {
            return Verdict.Unknown;
        }

        if (Above(candidate, Raise(baseline, settings)))
        {
            return Verdict.Slower;
        }

        return Above(baseline, Raise(candidate, settings)) ? Verdict.Faster : Verdict.Same;
    }

    private static double[] Raise(IReadOnlyList<double> values, ComparisonSettings settings) =>
        [.. values.Select(v => Math.Max(v * (1 + settings.Threshold), v + settings.NoiseMs))];

    /// <summary>Whether <paramref name="x"/> is stochastically greater than <paramref name="y"/>, one-sided.</summary>
    private static bool Above(IReadOnlyList<double> x, double[] y) =>
        MannWhitneyTest.Instance.GetPValue(new Sample([.. x]), new Sample(y), AlternativeHypothesis.Greater, Threshold.Zero) < ComparisonSettings.Alpha;
}
