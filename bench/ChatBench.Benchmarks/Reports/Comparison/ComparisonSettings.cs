using System.Globalization;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// What counts as a change: a relative threshold on the median and an absolute noise floor, each in the spirit of
/// dotnet/performance's ResultsComparer (<c>--threshold</c>, <c>--noise</c>). A difference must clear both to count.
/// </summary>
public sealed record ComparisonSettings(double Threshold, double NoiseMs)
{
    public static ComparisonSettings Default { get; } = new(0.05, 1);

    /// <summary>The equivalence test's significance level: a one-sided p-value below it is a change.</summary>
    public const double Alpha = 0.05;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture, $"threshold {Threshold * 100:0.##}%, noise floor {NoiseMs:0.###} ms, significance level {Alpha}");
}
