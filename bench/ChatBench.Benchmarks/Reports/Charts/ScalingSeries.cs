namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The cases of one strategy along one parameter (batch size, max in flight): a line on a scaling chart. Cases that
/// differ in anything else (the method, another parameter) are separate series.
/// </summary>
public sealed record ScalingSeries(string Label, IReadOnlyList<ScalingPoint> Points)
{
    public static IReadOnlyList<ScalingSeries> From(IEnumerable<ReportTable> tables, string xParameter)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var series = new Dictionary<string, SortedDictionary<double, ScalingPoint>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var table in tables)
        {
            var x = table.Column(xParameter);
            if (x < 0)
            {
                continue;
            }

            var others = table.ParameterColumns().Where(c => c != x).ToList();
            foreach (var row in table.Rows)
            {
                if (table.Number(row, xParameter) is not { } position)
                {
                    continue;
                }

                var label = table.Text(row, "Method") + string.Concat(others.Select(c => $", {table.Headers[c]}={row[c].Trim()}"));
                if (!series.TryGetValue(label, out var points))
                {
                    points = [];
                    series.Add(label, points);
                    order.Add(label);
                }

                points.TryAdd(position, new ScalingPoint(position, table.Milliseconds(row, "Mean"), table.Milliseconds(row, "Ideal"), table.Number(row, "Efficiency")));
            }
        }

        return order.Select(label => new ScalingSeries(label, series[label].Values.ToList())).ToList();
    }

    /// <summary>Whether any case of any series has a measured mean (a failed run has only NA).</summary>
    public static bool AnyMeasured(IEnumerable<ScalingSeries> series) => series.Any(s => s.Points.Any(p => p.Mean is > 0));
}
