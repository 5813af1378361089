using ChatBench.Benchmarks.Results;
using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// Batch wall time against a size parameter for every method, both axes logarithmic, each with its ideal
/// (zero-overhead) time as a dashed line in the same colour.
/// </summary>
public sealed class ScalingChart : IChart
{
    public string Title => "Batch wall time by batch size";

    public string FileName(string firstClass) => $"{firstClass}-scaling.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        if (ScalingSeries.Measured(section, placement, out var series) is { } reason)
        {
            return reason;
        }

        var parameter = placement.XParameter;

        var plot = ChartFrame.Create(Title, $"{parameter} (log scale)", "Wall time per batch (ms, log scale)", caption);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < series.Count; i++)
        {
            var measured = series[i].Points.Where(p => p.Mean is > 0 && p.X > 0).ToList();
            if (measured.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(measured.Select(p => Math.Log10(p.X)).ToArray(), measured.Select(p => Math.Log10(p.Mean!.Value)).ToArray(), ChartFrame.Colour(i));
            line.LegendText = series[i].Label;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            xs.AddRange(measured.Select(p => p.X));
            ys.AddRange(measured.Select(p => p.Mean!.Value));

            var ideal = measured.Where(p => p.Ideal is > 0).ToList();
            if (ideal.Count > 0)
            {
                var idealLine = plot.Add.Scatter(ideal.Select(p => Math.Log10(p.X)).ToArray(), ideal.Select(p => Math.Log10(p.Ideal!.Value)).ToArray(), ChartFrame.Colour(i));
                idealLine.LinePattern = LinePattern.Dashed;
                idealLine.LineWidth = 1.5f;
                idealLine.MarkerSize = 0;
                ys.AddRange(ideal.Select(p => p.Ideal!.Value));
            }
        }

        if (xs.Count == 0)
        {
            return $"no case with a positive {parameter} to place on a log scale.";
        }

        plot.Axes.Bottom.TickGenerator = ChartFrame.LogTicksAt(xs);
        plot.Axes.Left.TickGenerator = ChartFrame.LogTicks(ys.Min(), ys.Max());
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dashed: ideal (zero overhead)", LineColor = Colors.Gray, LinePattern = LinePattern.Dashed, LineWidth = 1.5f });
        plot.ShowLegend(Alignment.UpperLeft);
        ChartFrame.Save(plot, path);
        return null;
    }
}
