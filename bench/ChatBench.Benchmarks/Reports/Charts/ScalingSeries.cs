using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The cases of one method along one parameter (batch size, max in flight): a line on a scaling chart. Cases that
/// differ in anything else (another parameter) are separate series.
/// </summary>
public sealed record ScalingSeries(string Label, IReadOnlyList<ScalingPoint> Points)
{
    public static IReadOnlyList<ScalingSeries> From(IEnumerable<ResultsFile> files, string xParameter)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files
            .SelectMany(f => f.Cases)
            .Where(c => c.NumericParameter(xParameter) is not null)
            .GroupBy(c => c.GroupKey(except: xParameter) is { Length: > 0 } others ? $"{c.Method}, {others}" : c.Method)
            .Select(g => new ScalingSeries(
                g.Key,
                g.Select(c => new ScalingPoint(c.NumericParameter(xParameter)!.Value, c.MeanMs, c.IdealMs, c.Efficiency))
                    .GroupBy(p => p.X)
                    .Select(p => p.First())
                    .OrderBy(p => p.X)
                    .ToList()))
            .ToList();
    }

    /// <summary>The section's series along its x parameter, or why there is nothing to draw (null when there is).</summary>
    public static string? Measured(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, out IReadOnlyList<ScalingSeries> series)
    {
        ArgumentNullException.ThrowIfNull(placement);
        series = From(section, placement.XParameter ?? string.Empty);
        return series.Any(s => s.Points.Any(p => p.Mean is > 0))
            ? null
            : $"no measured case with a numeric {placement.XParameter} (every case failed, or none ran).";
    }
}
