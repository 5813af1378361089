namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// A Prometheus histogram's counts, or the difference of two scrapes of one: cumulative <paramref name="Buckets"/> with
/// finite upper bounds in ascending order, and <paramref name="Count"/>, the observations of all of them and of the
/// <c>+Inf</c> bucket (kept apart so the record stays plain JSON). <paramref name="Sum"/> is the observations' total.
/// </summary>
public sealed record HistogramCounts(IReadOnlyList<HistogramBucket> Buckets, double Count, double Sum)
{
    /// <summary>
    /// The observations made between <paramref name="before"/> and this scrape. A count that went down means the server
    /// restarted in between: then everything it counted since is this scrape's own, as Prometheus' <c>increase()</c> takes it.
    /// </summary>
    /// <exception cref="InvalidDataException">The two scrapes have different bucket bounds.</exception>
    public HistogramCounts Minus(HistogramCounts before)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (Count < before.Count)
        {
            return this;
        }

        return new HistogramCounts(Combine(before, -1), Count - before.Count, Sum - before.Sum);
    }

    /// <summary>The observations of both, for histograms with the same bucket bounds.</summary>
    /// <exception cref="InvalidDataException">The two have different bucket bounds.</exception>
    public HistogramCounts Plus(HistogramCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new HistogramCounts(Combine(other, 1), Count + other.Count, Sum + other.Sum);
    }

    /// <summary>The mean observation, or null without observations.</summary>
    public double? Mean => Count > 0 ? Sum / Count : null;

    /// <summary>
    /// The <paramref name="q"/>-quantile as Prometheus' <c>histogram_quantile</c> computes it: the bucket holding rank
    /// q x count, linear interpolation within it from the bucket below's bound (0 for the first bucket); a rank in the
    /// <c>+Inf</c> bucket gives the highest finite bound. Null without observations or without a finite bucket. One
    /// exception: observations that sum to 0 were all 0 (latencies are never negative), so every quantile is 0, where
    /// interpolation would put half of them at half the first bucket's bound.
    /// </summary>
    public double? Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (Count <= 0 || Buckets.Count == 0)
        {
            return null;
        }

        if (Sum == 0 && Buckets[0].UpperBound > 0 && Buckets[0].Count >= Count)
        {
            return 0;
        }

        // Like Prometheus, counts that fall from one bucket to the next (a scrape taken mid-update) are raised to monotonic.
        var cumulative = new double[Buckets.Count];
        for (var i = 0; i < Buckets.Count; i++)
        {
            cumulative[i] = Math.Max(Buckets[i].Count, i == 0 ? 0 : cumulative[i - 1]);
        }

        var rank = q * Count;
        var b = Array.FindIndex(cumulative, c => c >= rank);
        if (b < 0)
        {
            return Buckets[^1].UpperBound;
        }

        var end = Buckets[b].UpperBound;
        if (b == 0 && end <= 0)
        {
            return end;
        }

        var start = b == 0 ? 0 : Buckets[b - 1].UpperBound;
        var below = b == 0 ? 0 : cumulative[b - 1];
        var inBucket = cumulative[b] - below;
        return inBucket <= 0 ? end : start + ((end - start) * ((rank - below) / inBucket));
    }

    private List<HistogramBucket> Combine(HistogramCounts other, int sign)
    {
        if (!Buckets.Select(b => b.UpperBound).SequenceEqual(other.Buckets.Select(b => b.UpperBound)))
        {
            throw new InvalidDataException("Two scrapes of a histogram have different bucket bounds; the server changed between them.");
        }

        return Buckets.Zip(other.Buckets, (mine, theirs) => mine with { Count = mine.Count + (sign * theirs.Count) }).ToList();
    }
}
