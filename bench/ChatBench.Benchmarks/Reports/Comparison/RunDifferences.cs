using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// What differs between the two runs besides the date: each a line such as "time scale: 0.1 → 0.12". A folder can
/// hold classes from several runs, so each side is the set of values its files have.
/// </summary>
public static class RunDifferences
{
    private static readonly (string Name, Func<RunDescription, string> Value)[] Properties =
    [
        ("target", r => r.Target),
        ("endpoint", r => r.BaseUrl ?? "embedded"),
        ("model", r => r.Model),
        ("time scale", r => r.TimeScale?.ToString(CultureInfo.InvariantCulture) ?? "none"),
        ("seed", r => r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"),
        ("commit", r => r.Commit ?? "unknown"),
        ("iterations (warm-up + measured)", r => string.Create(CultureInfo.InvariantCulture, $"{r.WarmupIterations} + {r.MeasuredIterations}")),
    ];

    public static IReadOnlyList<string> Between(IReadOnlyList<RunDescription> baseline, IReadOnlyList<RunDescription> candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var differences = new List<string>();
        foreach (var (name, value) in Properties)
        {
            var before = Values(baseline, value);
            var after = Values(candidate, value);
            if (before != after)
            {
                differences.Add($"{name}: {before} → {after}");
            }
        }

        return differences;
    }

    private static string Values(IReadOnlyList<RunDescription> runs, Func<RunDescription, string> value) =>
        string.Join(" + ", runs.Select(value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
