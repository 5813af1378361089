using System.Globalization;
using ChatBench.Benchmarks.Results;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// A sweep over concurrent users: TTFT p50 and p99 (left axis, ms) and the share of turns
/// within the SLO (right axis, %), the attainment as a dotted line and the highest number of users within the SLO as a
/// solid vertical one. The users axis is linear, as the interpolation between measured numbers of users is.
/// </summary>
public sealed class ConcurrentUsersChart : IChart
{
    public string Title => "Conversations: turns within the SLO and TTFT against concurrent users";

    public string FileName(string firstClass) => $"{firstClass}-users.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var file = section.FirstOrDefault(f => f.ConcurrentUsers is not null);
        var cases = file?.Cases
            .Where(c => c.Column(ConcurrentUsersResult.UsersColumn) is > 0 && c.Column(ConcurrentUsersResult.WithinSloColumn) is not null)
            .OrderBy(c => c.Column(ConcurrentUsersResult.UsersColumn))
            .ToList() ?? [];
        if (file is null || cases.Count == 0)
        {
            return "no case of the sweep over users was measured (every case failed, or none ran).";
        }

        var found = file.ConcurrentUsers!;
        var plot = ChartFrame.Create(Title, "Concurrent users", "Time to first token (ms)", caption);
        plot.Axes.Right.Label.Text = "Turns within the SLO (%)";
        var x = cases.Select(c => c.Column(ConcurrentUsersResult.UsersColumn)!.Value).ToArray();
        (string Label, Func<CaseResult, double?> Value, LinePattern Pattern)[] ttft =
        [
            ("TTFT p50", c => c.Latency?.Ttft?.P50, LinePattern.Solid),
            ("TTFT p99", c => c.Latency?.Ttft?.P99, LinePattern.Dashed),
        ];
        foreach (var (label, value, pattern) in ttft)
        {
            var line = plot.Add.Scatter(x, cases.Select(c => value(c) ?? double.NaN).ToArray(), ChartFrame.Colour(0));
            line.LegendText = label;
            line.LinePattern = pattern;
            line.LineWidth = 2;
        }

        var share = plot.Add.Scatter(x, cases.Select(c => c.Column(ConcurrentUsersResult.WithinSloColumn)!.Value).ToArray(), ChartFrame.Colour(2));
        share.LegendText = $"within the SLO ({found.Slo})";
        share.MarkerShape = MarkerShape.FilledSquare;
        share.LineWidth = 2;
        share.Axes.YAxis = plot.Axes.Right;
        var goal = plot.Add.HorizontalLine(found.Attainment * 100, 1, ChartFrame.Colour(6), LinePattern.Dotted);
        goal.Axes.YAxis = plot.Axes.Right;
        goal.LegendText = string.Create(CultureInfo.InvariantCulture, $"attainment ({found.Attainment:P0})");

        if (found.HighestUsersWithinSlo is { } knee)
        {
            var line = plot.Add.VerticalLine(knee, 2, ChartFrame.Colour(3));
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"highest users within the SLO ({knee:0.0})");
        }

        var ticks = new NumericManual();
        foreach (var users in x)
        {
            ticks.AddMajor(users, users.ToString("0", CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(0, x[^1] * 1.05);
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top * 1.1, plot.Axes.Left);
        plot.ShowLegend(Alignment.MiddleLeft);
        ChartFrame.Save(plot, path);
        return null;
    }
}
