using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// Summary statistics of a sample. Every quantile in ChatBench comes from <see cref="Quantile"/>: Perfolizer's
/// Hyndman-Fan type 7 estimator, linear interpolation between the closest ranks (numpy's and Excel's default): the
/// p-quantile of sorted x[0..n-1] is at rank p * (n - 1).
/// </summary>
public sealed record Distribution(int Count, double P50, double P90, double P99, double Mean, double Max)
{
    public static Distribution? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sample = values.ToArray();
        if (sample.Length == 0)
        {
            return null;
        }

        return new Distribution(
            sample.Length, Quantile(sample, 0.50), Quantile(sample, 0.90), Quantile(sample, 0.99), sample.Average(), sample.Max());
    }

    /// <summary>The <paramref name="probability"/>-quantile (0 to 1) of a non-empty sample, in any order.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double probability)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A quantile of nothing is undefined.", nameof(values));
        }

        return HyndmanFanQuantileEstimator.Type7.Quantile(new Sample([.. values]), probability).NominalValue;
    }

    /// <summary>The median of a sample, or null for an empty one.</summary>
    public static double? Median(IReadOnlyCollection<double> values) => values.Count == 0 ? null : Quantile(values, 0.5);
}
