using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// <c>profile-fidelity.md</c> and <c>.json</c>: how closely a streaming run against the stub replaying a profile
/// reproduced it, per class: recorded against replayed p50 and p90 of TTFT, ITL and E2E, and the two-sample KS distance
/// (the recorded side is the profile's quantile grid, 101 equally likely values).
/// </summary>
public static class ProfileFidelity
{
    public const string FileName = "profile-fidelity";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<FidelityRow> Compare(RecordedProfile profile, ResultsFile replay)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(replay);
        var ok = replay.Cases.SelectMany(c => c.Requests ?? []).Select(r => (Request: r, Latency: RequestLatency.Of(r)!)).Where(s => s.Latency is { Ttft: not null }).ToList();
        var rows = new List<FidelityRow>();
        foreach (var recorded in profile.Classes.OrderBy(c => c.Class, StringComparer.Ordinal))
        {
            var replayed = ok.Where(s => s.Request.PromptClass == recorded.Class).Select(s => s.Latency).ToList();
            if (replayed.Count == 0)
            {
                continue;
            }

            rows.Add(Row(recorded, "TTFT", recorded.TtftMs, [.. replayed.Select(l => l.Ttft!.Value)]));
            rows.Add(Row(recorded, "ITL", recorded.ItlMs, [.. replayed.Where(l => l.Itl is not null).Select(l => l.Itl!.Value)]));
            rows.Add(Row(recorded, "E2E", recorded.E2EMs, [.. replayed.Select(l => l.E2E)]));
        }

        return rows.Where(r => r.ReplayedSamples > 0).ToList();
    }

    /// <summary>Writes both files into <paramref name="directory"/>; returns the markdown's path.</summary>
    public static string Write(string directory, RecordedProfile profile, ResultsFile replay, IReadOnlyList<FidelityRow> rows)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(rows);
        var recordedFrom = string.Create(
            CultureInfo.InvariantCulture,
            $"{profile.Target} {profile.BaseUrl ?? string.Empty}, model {profile.Model}, {profile.DateUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC, workload {profile.Workload ?? "built-in mix"}");
        var page = new StringBuilder();
        page.Append("# Latency profile fidelity\n\n");
        page.Append(CultureInfo.InvariantCulture, $"Recorded: {recordedFrom}.\n\n");
        page.Append(CultureInfo.InvariantCulture, $"Replayed: {replay.Run.Caption()}, profile `{Path.GetFileName(replay.Run.Profile)}`.\n\n");
        page.Append(CultureInfo.InvariantCulture, $"Goal: replayed p50 and p90 within {FidelityRow.MaxQuantileError:P0} of the recorded ones and a two-sample Kolmogorov-Smirnov distance of at most {FidelityRow.MaxKs}. ");
        page.Append(CultureInfo.InvariantCulture, $"Met by {rows.Count(r => r.MeetsGoal)} of {rows.Count} rows. Times in milliseconds; the recorded side of KS is the profile's 101-point quantile grid.\n\n");
        page.Append("| class | metric | recorded n | replayed n | p50 recorded | p50 replayed | p50 diff | p90 recorded | p90 replayed | p90 diff | KS | goal |\n");
        page.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in rows)
        {
            page.Append(CultureInfo.InvariantCulture, $"| {r.Class} | {r.Metric} | {r.RecordedSamples} | {r.ReplayedSamples} | {r.RecordedP50:F2} | {r.ReplayedP50:F2} | {Percent(r.P50Error)} | {r.RecordedP90:F2} | {r.ReplayedP90:F2} | {Percent(r.P90Error)} | {r.Ks:F3} | {(r.MeetsGoal ? "met" : "missed")} |\n");
        }

        Directory.CreateDirectory(directory);
        var markdown = Path.Combine(directory, FileName + ".md");
        File.WriteAllText(markdown, page.ToString());
        var json = new { recorded = recordedFrom, replayed = replay.Run, goal = new { FidelityRow.MaxQuantileError, FidelityRow.MaxKs }, rows };
        File.WriteAllText(Path.Combine(directory, FileName + ".json"), JsonSerializer.Serialize(json, Json));
        return markdown;
    }

    private static string Percent(double fraction) => Math.Round(fraction, 3).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);

    private static FidelityRow Row(RecordedGroup recorded, string metric, IReadOnlyList<double> grid, IReadOnlyCollection<double> replayed) => replayed.Count == 0
        ? new FidelityRow(recorded.Class, metric, recorded.Samples, 0, 0, 0, 0, 0, 1)
        : new FidelityRow(
            recorded.Class,
            metric,
            recorded.Samples,
            replayed.Count,
            QuantileGrid.Sample(grid, 0.5),
            Distribution.Quantile(replayed, 0.5),
            QuantileGrid.Sample(grid, 0.9),
            Distribution.Quantile(replayed, 0.9),
            KolmogorovSmirnov.Statistic([.. grid], replayed));
}
