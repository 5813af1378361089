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

    /// <summary>Whether any case of any series has a measured mean (a failed run has none).</summary>
    public static bool AnyMeasured(IEnumerable<ScalingSeries> series) => series.Any(s => s.Points.Any(p => p.Mean is > 0));
}
