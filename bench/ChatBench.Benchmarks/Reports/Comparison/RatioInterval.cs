namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// The candidate/baseline ratio as the Hodges-Lehmann estimator sees it: the median of every pairwise ratio
/// candidate[j] / baseline[i], with the distribution-free interval the Mann-Whitney statistic gives (order statistics
/// of the pairwise ratios at mn/2 -/+ z * sqrt(mn(m + n + 1) / 12), normal approximation).
/// </summary>
public sealed record RatioInterval(double Estimate, double Low, double High, double Confidence)
{
    /// <summary>90%: each side is the one-sided 5% the equivalence test uses, so a Slower case's interval mostly clears 1.</summary>
    public const double DefaultConfidence = 0.90;

    /// <summary>Large samples are thinned to this many evenly spaced order statistics: the pairs grow as m x n.</summary>
    private const int MaxValues = 600;

    private const double Z90 = 1.644854;

    /// <summary>The interval, or null when a side is empty or not all positive (a ratio of times needs positive times).</summary>
    public static RatioInterval? Of(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Count == 0 || candidate.Count == 0 || baseline.Any(v => v <= 0) || candidate.Any(v => v <= 0))
        {
            return null;
        }

        var x = Thin(baseline);
        var y = Thin(candidate);
        var logs = new double[x.Length * y.Length];
        var k = 0;
        foreach (var b in x)
        {
            foreach (var c in y)
            {
                logs[k++] = Math.Log(c / b);
            }
        }

        Array.Sort(logs);
        double pairs = logs.Length;
        var half = Z90 * Math.Sqrt(pairs * (x.Length + y.Length + 1) / 12);
        var low = (int)Math.Clamp(Math.Floor((pairs / 2) - half), 0, logs.Length - 1);
        var high = (int)Math.Clamp(Math.Ceiling((pairs / 2) + half) - 1, 0, logs.Length - 1);
        var middle = logs.Length % 2 == 1 ? logs[logs.Length / 2] : (logs[(logs.Length / 2) - 1] + logs[logs.Length / 2]) / 2;
        return new RatioInterval(Math.Exp(middle), Math.Exp(logs[low]), Math.Exp(logs[high]), DefaultConfidence);
    }

    private static double[] Thin(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length <= MaxValues)
        {
            return sorted;
        }

        return [.. Enumerable.Range(0, MaxValues).Select(i => sorted[(int)Math.Round(i * (sorted.Length - 1) / (double)(MaxValues - 1))])];
    }
}
