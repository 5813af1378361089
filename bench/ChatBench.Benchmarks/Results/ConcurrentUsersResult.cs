using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// What a sweep over concurrent users found, in its class's results file: the highest number of users at which at
/// least <see cref="Attainment"/> of the turns met every SLO limit, interpolated between the measured numbers of users
/// as <see cref="SloSearch"/> does between rates. Optional in schema version 1: null for every other class.
/// </summary>
public sealed record ConcurrentUsersResult
{
    /// <summary>Cases' column names the table and this result read.</summary>
    public const string UsersColumn = "Concurrent users";
    public const string WithinSloColumn = "Turns within SLO [%]";
    public const string CacheHitsColumn = "Cache hits [%]";

    /// <summary>The limits as judged, in milliseconds (scaled by the time scale on the stub).</summary>
    public required string Slo { get; init; }

    public required double Attainment { get; init; }

    /// <summary>Users; null when even the fewest measured users missed the SLO.</summary>
    public double? HighestUsersWithinSlo { get; init; }

    /// <summary>How it was found: <c>interpolated</c>, <c>at least</c> (the most users measured met the SLO) or <c>below</c>.</summary>
    public required string Bound { get; init; }

    /// <summary>The numbers of users measured, in order.</summary>
    public IReadOnlyList<int> MeasuredUsers { get; init; } = [];

    /// <summary>The result of the measured cases' figures, or null when none was a sweep over users.</summary>
    public static ConcurrentUsersResult? Of(IEnumerable<ConcurrentUsersFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var measured = figures.OrderBy(f => f.Users).ToList();
        if (measured.Count == 0)
        {
            return null;
        }

        // The share is a step per user: one that keeps the attainment exactly is within, as for rates.
        var (users, bound) = SloSearch.HighestRate(measured.Select(f => ((double)f.Users, f.SloShare)), OpenLoopResult.DefaultAttainment);
        return new ConcurrentUsersResult
        {
            Slo = measured[0].Slo.ToString(),
            Attainment = OpenLoopResult.DefaultAttainment,
            HighestUsersWithinSlo = users is { } u ? Math.Round(u, 1) : null,
            Bound = bound,
            MeasuredUsers = [.. measured.Select(f => f.Users)],
        };
    }
}
