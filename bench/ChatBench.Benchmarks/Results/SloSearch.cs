namespace ChatBench.Benchmarks.Results;

/// <summary>
/// The highest rate within the SLO: walking up the measured rates, the last one whose share of requests within the SLO
/// is at least the attainment, and from there linear interpolation of the share to where it crosses the attainment
/// on the way to the first rate that misses it. Rates above the first miss do not count: the knee is the first crossing.
/// </summary>
public static class SloSearch
{
    public const string Interpolated = "interpolated";
    public const string AtLeast = "at least";
    public const string Below = "below";

    public static (double? Rate, string Bound) HighestRate(IEnumerable<(double Offered, double Share)> points, double attainment)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Offered).ToList();
        if (sorted.Count == 0)
        {
            return (null, Below);
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Share >= attainment)
            {
                continue;
            }

            if (i == 0)
            {
                return (null, Below);
            }

            var (low, high) = (sorted[i - 1], sorted[i]);
            var fraction = (low.Share - attainment) / (low.Share - high.Share);
            return (low.Offered + ((high.Offered - low.Offered) * fraction), Interpolated);
        }

        return (sorted[^1].Offered, AtLeast);
    }
}
