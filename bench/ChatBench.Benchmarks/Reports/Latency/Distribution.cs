namespace ChatBench.Benchmarks.Reports.Latency;

/// <summary>
/// Summary statistics of a sample. Percentiles interpolate linearly between the closest ranks (numpy's default):
/// the p-th percentile of sorted x[0..n-1] is at rank p/100 * (n - 1).
/// </summary>
public sealed record Distribution(int Count, double P50, double P90, double P99, double Mean, double Max)
{
    public static Distribution? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return new Distribution(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted.Average(), sorted[^1]);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A percentile of nothing is undefined.", nameof(sorted));
        }

        var rank = percent / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
