using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// After every run and <c>--report-only</c>: a streaming run's results become <c>latency-profile.json</c>; a streaming
/// run that replayed a profile becomes <c>profile-fidelity.md</c> instead, so a replay never overwrites what it replays.
/// </summary>
public static class ProfileReports
{
    public static void Write(string resultsDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var results in ResultsJson.ReadFolder(resultsDirectory).Where(LatencyProfileReport.IsSource))
        {
            if (results.Run.Profile is null)
            {
                var path = Path.Combine(resultsDirectory, LatencyProfileReport.FileName);
                RecordedProfileFile.Write(LatencyProfileReport.Build(results), path);
                output.WriteLine($"Latency profile: {path}");
            }
            else if (File.Exists(results.Run.Profile))
            {
                var profile = RecordedProfileFile.Read(results.Run.Profile);
                var rows = ProfileFidelity.Compare(profile, results);
                var path = ProfileFidelity.Write(resultsDirectory, profile, results, rows);
                output.WriteLine($"Profile fidelity: {path} ({rows.Count(r => r.MeetsGoal)} of {rows.Count} rows meet the goal)");
            }
        }
    }
}
