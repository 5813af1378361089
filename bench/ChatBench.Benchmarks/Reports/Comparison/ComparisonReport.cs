using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>Writes a comparison into the candidate's folder: COMPARISON.md, .json, .csv and the chart.</summary>
public static class ComparisonReport
{
    public const string FileName = "COMPARISON.md";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The page's path, and why there is no chart (null when there is one).</summary>
    public static (string Page, string? NoChart) Write(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var folder = comparison.CandidateFolder;
        var chartPath = Path.Combine(folder, ComparisonChart.FileName);
        var noChart = ComparisonChart.Draw(comparison, chartPath);
        if (noChart is not null)
        {
            File.Delete(chartPath);
        }

        var page = Path.Combine(folder, FileName);
        File.WriteAllText(page, ComparisonMarkdown.Page(comparison, noChart is null ? ComparisonChart.FileName : null));
        File.WriteAllText(Path.ChangeExtension(page, ".json"), JsonSerializer.Serialize(comparison, Json));
        File.WriteAllText(Path.ChangeExtension(page, ".csv"), ComparisonCsv.Render(comparison));
        return (page, noChart);
    }
}
