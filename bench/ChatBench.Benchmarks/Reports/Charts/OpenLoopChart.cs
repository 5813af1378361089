using ChatBench.Benchmarks.Results;
using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// An open-loop sweep: TTFT and E2E p50 and p99 (left axis, ms) and goodput and achieved rate (right axis, req/s)
/// against the offered rate; a solid vertical line at the highest rate within the SLO, a dashed one at the stub's capacity.
/// </summary>
public sealed class OpenLoopChart : IChart
{
    public string Title => "Open loop: latency and goodput against the offered rate";

    public string FileName(string firstClass) => $"{firstClass}-open-loop.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var file = section.FirstOrDefault(f => f.OpenLoop is not null);
        var cases = file?.Cases
            .Where(c => c.Columns.ContainsKey(OpenLoopResult.OfferedColumn) && c.Latency?.E2E is not null)
            .OrderBy(c => c.Columns[OpenLoopResult.OfferedColumn])
            .ToList() ?? [];
        if (file is null || cases.Count == 0)
        {
            return "no open-loop case with measured latency (every case failed, was skipped, or none ran).";
        }

        var plot = ChartFrame.Create(Title, "Offered rate (requests per second)", "Latency from the scheduled send (ms)", caption);
        plot.Axes.Right.Label.Text = "Requests per second";
        var x = cases.Select(c => c.Columns[OpenLoopResult.OfferedColumn]).ToArray();
        (string Label, Func<CaseLatency, double?> Value, LinePattern Pattern)[] latencies =
        [
            ("TTFT p50", l => l.Ttft?.P50, LinePattern.Solid),
            ("TTFT p99", l => l.Ttft?.P99, LinePattern.Dashed),
            ("E2E p50", l => l.E2E?.P50, LinePattern.Solid),
            ("E2E p99", l => l.E2E?.P99, LinePattern.Dashed),
        ];
        for (var i = 0; i < latencies.Length; i++)
        {
            var line = plot.Add.Scatter(x, cases.Select(c => latencies[i].Value(c.Latency!) ?? double.NaN).ToArray(), ChartFrame.Colour(i / 2));
            line.LegendText = latencies[i].Label;
            line.LinePattern = latencies[i].Pattern;
            line.LineWidth = 2;
        }

        foreach (var (column, colour) in new[] { (OpenLoopResult.GoodputColumn, 2), (OpenLoopResult.AchievedColumn, 4) })
        {
            var rate = plot.Add.Scatter(x, cases.Select(c => c.Columns.GetValueOrDefault(column, double.NaN)).ToArray(), ChartFrame.Colour(colour));
            rate.LegendText = column.Replace(" [req/s]", string.Empty, StringComparison.Ordinal);
            rate.MarkerShape = MarkerShape.FilledSquare;
            rate.Axes.YAxis = plot.Axes.Right;
        }

        if (file.OpenLoop!.HighestRateWithinSlo is { } knee)
        {
            var line = plot.Add.VerticalLine(knee, 2, ChartFrame.Colour(3));
            line.LegendText = $"highest rate within the SLO ({knee:0.0})";
        }

        if (file.OpenLoop.StubCapacity is { } capacity)
        {
            var line = plot.Add.VerticalLine(capacity, 2, ChartFrame.Colour(6), LinePattern.Dotted);
            line.LegendText = $"stub capacity ({capacity:0.0})";
        }

        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits(plot.Axes.Bottom, plot.Axes.Right).Top * 1.1, plot.Axes.Right);
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top * 1.1, plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        ChartFrame.Save(plot, path);
        return null;
    }
}
