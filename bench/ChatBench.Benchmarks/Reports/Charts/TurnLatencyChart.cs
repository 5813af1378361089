using ChatBench.Benchmarks.Results;
using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// Conversations: time to first token by turn index, p50 solid and p90 dashed, one colour per case, so the prefix
/// cache's effect shows as the gap between the cached and the uncached lines as the history grows.
/// </summary>
public sealed class TurnLatencyChart : IChart
{
    public string Title => "Conversations: time to first token by turn";

    public string FileName(string firstClass) => $"{firstClass}-ttft-by-turn.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var cases = section.SelectMany(f => f.Cases)
            .Select(c => (c.Label, Turns: TurnFigures.Of(c).Where(t => t.Ttft is not null).ToList()))
            .Where(c => c.Turns.Count > 0)
            .ToList();
        if (cases.Count == 0)
        {
            return "no case with measured turns (every case failed, or none ran).";
        }

        var plot = ChartFrame.Create(Title, "Turn of the session (0 = first request)", "Time to first token (ms)", caption);
        for (var i = 0; i < cases.Count; i++)
        {
            var x = cases[i].Turns.Select(t => (double)t.Turn).ToArray();
            var p50 = plot.Add.Scatter(x, cases[i].Turns.Select(t => t.Ttft!.P50).ToArray(), ChartFrame.Colour(i));
            p50.LegendText = $"{cases[i].Label} p50";
            p50.LineWidth = 2;
            p50.MarkerSize = 7;
            var p90 = plot.Add.Scatter(x, cases[i].Turns.Select(t => t.Ttft!.P90).ToArray(), ChartFrame.Colour(i));
            p90.LegendText = $"{cases[i].Label} p90";
            p90.LinePattern = LinePattern.Dashed;
            p90.MarkerSize = 5;
        }

        var turns = cases.SelectMany(c => c.Turns).ToList();
        plot.Axes.SetLimits(-0.3, turns.Max(t => t.Turn) + 0.3, 0, turns.Max(t => t.Ttft!.P90) * 1.15);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Alignment.LowerRight);
        ChartFrame.Save(plot, path);
        return null;
    }
}
