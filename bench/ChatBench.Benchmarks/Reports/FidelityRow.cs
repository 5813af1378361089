using System.Text.Json.Serialization;

namespace ChatBench.Benchmarks.Reports;

/// <summary>One class and metric of a replay: recorded against replayed p50 and p90, and the KS distance between them.</summary>
public sealed record FidelityRow(
    string Class,
    string Metric,
    int RecordedSamples,
    int ReplayedSamples,
    double RecordedP50,
    double ReplayedP50,
    double RecordedP90,
    double ReplayedP90,
    double Ks)
{
    /// <summary>The goal: p50 and p90 within 5 % of the recorded ones, and a KS distance of at most 0.1.</summary>
    public const double MaxQuantileError = 0.05;

    public const double MaxKs = 0.1;

    public double P50Error => Relative(ReplayedP50, RecordedP50);

    public double P90Error => Relative(ReplayedP90, RecordedP90);

    [JsonPropertyName("meetsGoal")]
    public bool MeetsGoal => Math.Abs(P50Error) <= MaxQuantileError && Math.Abs(P90Error) <= MaxQuantileError && Ks <= MaxKs;

    private static double Relative(double replayed, double recorded) => recorded == 0 ? (replayed == 0 ? 0 : double.PositiveInfinity) : (replayed / recorded) - 1;
}
