using System.Globalization;
using ChatBench.Benchmarks.Reports.Charts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// Per case, the candidate/baseline ratio of the median batch time (dot) with its 90% interval (bar): slower to the
/// right of 1, faster to the left, the threshold as a shaded band, coloured by verdict.
/// </summary>
public static class ComparisonChart
{
    public const string FileName = "comparison.png";

    private static readonly Dictionary<Verdict, Color> Colours = new()
    {
        [Verdict.Slower] = ChartFrame.Colour(3),
        [Verdict.Faster] = ChartFrame.Colour(2),
        [Verdict.Same] = ChartFrame.Colour(6),
        [Verdict.Unknown] = Colors.Gray,
    };

    /// <summary>Draws the chart into <paramref name="path"/>, or returns why it cannot, writing nothing.</summary>
    public static string? Draw(RunComparison comparison, string path)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var cases = comparison.Cases.Where(c => c.Time is { Ratio: > 0 }).ToList();
        if (cases.Count == 0)
        {
            return "no case has a batch time in both runs.";
        }

        // One line fits under the plot: the two dates and what else differs; COMPARISON.md names both runs in full.
        var differences = comparison.Differences.Count == 0 ? "same options and commit" : string.Join("; ", comparison.Differences);
        var caption = string.Create(
            CultureInfo.InvariantCulture,
            $"baseline {comparison.BaselineRuns[0].DateUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC, candidate {comparison.CandidateRuns[0].DateUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC; {differences}");
        var plot = ChartFrame.Create("Candidate / baseline, median batch time", "ratio (above 1: the candidate is slower)", string.Empty, caption);
        var band = plot.Add.HorizontalSpan(1 / (1 + comparison.Settings.Threshold), 1 + comparison.Settings.Threshold);
        band.FillStyle.Color = Colors.Gray.WithAlpha(0.15);
        band.LineStyle.Width = 0;
        plot.Add.VerticalLine(1, 1, Colors.Gray);
        var ticks = new NumericManual();
        for (var i = 0; i < cases.Count; i++)
        {
            var y = cases.Count - 1 - i;
            var time = cases[i].Time!;
            var colour = Colours[time.Verdict];
            if (time.Interval is { } interval)
            {
                var line = plot.Add.Line(interval.Low, y, interval.High, y);
                line.LineWidth = 3;
                line.Color = colour;
            }

            var dot = plot.Add.Marker(time.Ratio, y, MarkerShape.FilledCircle, 10, colour);
            dot.LegendText = string.Empty;
            ticks.AddMajor(y, $"{cases[i].Benchmark}: {cases[i].Case}");
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(horizontal: 0.1, vertical: 0.5 / cases.Count);
        foreach (var verdict in cases.Select(c => c.Time!.Verdict).Distinct().Order())
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = verdict.ToString(), FillColor = Colours[verdict] });
        }

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = string.Create(CultureInfo.InvariantCulture, $"±{comparison.Settings.Threshold * 100:0.##}% threshold"),
            FillColor = Colors.Gray.WithAlpha(0.15),
        });
        plot.ShowLegend(Edge.Right);
        ChartFrame.Save(plot, path, Math.Max(ChartFrame.Height, 160 + (cases.Count * 28)));
        return null;
    }
}
