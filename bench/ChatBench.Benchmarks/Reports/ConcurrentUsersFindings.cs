using System.Globalization;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// The sentence of a sweep over concurrent users: the highest number of users whose turns kept the attainment within
/// the SLO, and how it was found, or that none or all of the measured numbers did.
/// </summary>
public static class ConcurrentUsersFindings
{
    public static string? For(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.ConcurrentUsers is not { } found)
        {
            return null;
        }

        var attainment = string.Create(CultureInfo.InvariantCulture, $"{found.Attainment:P0}");
        var measured = string.Join(", ", found.MeasuredUsers);
        if (found.HighestUsersWithinSlo is not { } users)
        {
            return $"The highest number of concurrent users within the SLO: none: even the fewest users measured ({measured}) kept less than {attainment} of their turns within {found.Slo}.";
        }

        if (found.Bound == SloSearch.AtLeast)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The highest number of concurrent users within the SLO: all measured, so at least {users:0}: the most users measured ({measured}) still kept {attainment} of their turns within {found.Slo}; measure more users to find the limit.");
        }

        var below = found.MeasuredUsers.LastOrDefault(u => u <= users);
        var above = found.MeasuredUsers.FirstOrDefault(u => u > users);
        return string.Create(CultureInfo.InvariantCulture, $"The highest number of concurrent users within the SLO: {Math.Floor(users):0} ({users:0.0} interpolated between {below} and {above} users, where the share of turns within {found.Slo} crosses {attainment}; measured: {measured}).");
    }
}
