namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// One scrape of a <c>/metrics</c> endpoint, parsed. Series are summed over their labels (a server with several
/// models or engines is read as one server), except where a method groups by a label.
/// </summary>
public sealed class PrometheusExposition(IReadOnlyList<PrometheusSample> samples, IReadOnlyDictionary<string, string> types)
{
    public IReadOnlyList<PrometheusSample> Samples { get; } = samples;

    /// <summary>The type a <c># TYPE</c> line gave a metric family, or null.</summary>
    public string? TypeOf(string family) => types.TryGetValue(family, out var type) ? type : null;

    /// <summary>Whether any sample of series <paramref name="name"/> (or of the histogram of that name) is present.</summary>
    public bool Has(string name) => Samples.Any(s => s.Name == name || s.Name == name + "_count");

    /// <summary>The sum of every sample of series <paramref name="name"/>, or null when there is none.</summary>
    public double? Sum(string name)
    {
        var matching = Samples.Where(s => s.Name == name).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    /// <summary>The samples of series <paramref name="name"/> summed per value of label <paramref name="label"/>.</summary>
    public IReadOnlyDictionary<string, double> SumBy(string name, string label) =>
        Samples.Where(s => s.Name == name)
            .GroupBy(s => s.Label(label) ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);

    /// <summary>
    /// Histogram <paramref name="name"/> from its <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series, summed over
    /// its other labels bucket by bucket; null when the server does not export it.
    /// </summary>
    /// <exception cref="FormatException">The histogram has no <c>+Inf</c> bucket, or a bucket bound is not a number.</exception>
    public HistogramCounts? Histogram(string name)
    {
        var buckets = Samples.Where(s => s.Name == name + "_bucket").ToList();
        if (buckets.Count == 0)
        {
            return null;
        }

        var byBound = buckets
            .GroupBy(s => Bound(s, name))
            .OrderBy(g => g.Key)
            .Select(g => new HistogramBucket(g.Key, g.Sum(s => s.Value)))
            .ToList();
        if (!double.IsPositiveInfinity(byBound[^1].UpperBound))
        {
            throw new FormatException($"histogram {name} has no le=\"+Inf\" bucket");
        }

        return new HistogramCounts(byBound[..^1], byBound[^1].Count, Sum(name + "_sum") ?? 0);
    }

    private static double Bound(PrometheusSample bucket, string name) => bucket.Label("le") switch
    {
        null => throw new FormatException($"a bucket of histogram {name} has no le label"),
        "+Inf" or "Inf" => double.PositiveInfinity,
        var text when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new FormatException($"the bucket bound le=\"{text}\" of histogram {name} is not a number"),
    };
}
