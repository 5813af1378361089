namespace ChatBench.Benchmarks.Results;

/// <summary>The two-sample Kolmogorov-Smirnov statistic: the largest gap between two samples' empirical CDFs, 0 to 1.</summary>
public static class KolmogorovSmirnov
{
    public static double Statistic(IReadOnlyCollection<double> first, IReadOnlyCollection<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            throw new ArgumentException("The KS statistic needs two non-empty samples.");
        }

        var a = first.Order().ToArray();
        var b = second.Order().ToArray();
        int i = 0, j = 0;
        var largest = 0.0;

        // Walk both sorted samples; at each distinct value, step past every copy of it in both before comparing CDFs.
        while (i < a.Length && j < b.Length)
        {
            var value = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            while (j < b.Length && b[j] == value)
            {
                j++;
            }

            largest = Math.Max(largest, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return largest;
    }
}
