namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>Sampling from a distribution given by its values at evenly spaced quantiles 0, 1/(k-1), ..., 1.</summary>
internal static class QuantileGrid
{
    /// <summary>The inverse of the piecewise-linear CDF through the grid: <paramref name="uniform"/> in [0, 1) to a value.</summary>
    public static double Sample(IReadOnlyList<double> values, double uniform)
    {
        ArgumentNullException.ThrowIfNull(values);
        var position = Math.Clamp(uniform, 0, 1) * (values.Count - 1);
        var lower = (int)Math.Floor(position);
        if (lower >= values.Count - 1)
        {
            return values[^1];
        }

        return values[lower] + ((position - lower) * (values[lower + 1] - values[lower]));
    }
}
