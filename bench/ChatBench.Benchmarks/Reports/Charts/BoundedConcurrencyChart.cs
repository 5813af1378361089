using ChatBench.Benchmarks.Results;
using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// A fixed batch sent with at most k requests in flight: wall time (solid) and its ideal (dashed) on the left axis,
/// efficiency (Ideal / Mean, dotted) on the right, against k on a log scale.
/// </summary>
public sealed class BoundedConcurrencyChart : IChart
{
    public string Title => "Bounded concurrency: wall time and efficiency by max in flight";

    public string FileName(string firstClass) => $"{firstClass}-bounded.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        if (ScalingSeries.Measured(section, placement, out var series) is { } reason)
        {
            return reason;
        }

        var parameter = placement.XParameter;

        var plot = ChartFrame.Create(Title, $"{parameter} (log scale)", "Wall time per batch (ms)", caption);
        plot.Axes.Right.Label.Text = "Efficiency (Ideal / Mean)";
        var xs = new List<double>();
        for (var i = 0; i < series.Count; i++)
        {
            var measured = series[i].Points.Where(p => p.Mean is > 0 && p.X > 0).ToList();
            if (measured.Count == 0)
            {
                continue;
            }

            var colour = ChartFrame.Colour(i);
            var positions = measured.Select(p => Math.Log10(p.X)).ToArray();
            xs.AddRange(measured.Select(p => p.X));
            var wall = plot.Add.Scatter(positions, measured.Select(p => p.Mean!.Value).ToArray(), colour);
            wall.LegendText = $"{series[i].Label}: wall time";
            wall.LineWidth = 2;
            wall.MarkerSize = 7;

            var ideal = measured.Where(p => p.Ideal is > 0).ToList();
            if (ideal.Count > 0)
            {
                var idealLine = plot.Add.Scatter(ideal.Select(p => Math.Log10(p.X)).ToArray(), ideal.Select(p => p.Ideal!.Value).ToArray(), colour);
                idealLine.LegendText = $"{series[i].Label}: ideal";
                idealLine.LinePattern = LinePattern.Dashed;
                idealLine.MarkerSize = 0;
            }

            var efficient = measured.Where(p => p.Efficiency is not null).ToList();
            if (efficient.Count > 0)
            {
                var efficiency = plot.Add.Scatter(efficient.Select(p => Math.Log10(p.X)).ToArray(), efficient.Select(p => p.Efficiency!.Value).ToArray(), colour);
                efficiency.LegendText = $"{series[i].Label}: efficiency";
                efficiency.LinePattern = LinePattern.Dotted;
                efficiency.MarkerShape = MarkerShape.OpenSquare;
                efficiency.MarkerSize = 8;
                efficiency.Axes.YAxis = plot.Axes.Right;
            }
        }

        plot.Axes.Bottom.TickGenerator = ChartFrame.LogTicksAt(xs);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, 1.15, plot.Axes.Right);
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top * 1.1, plot.Axes.Left);
        plot.ShowLegend(Alignment.MiddleRight);
        ChartFrame.Save(plot, path);
        return null;
    }
}
