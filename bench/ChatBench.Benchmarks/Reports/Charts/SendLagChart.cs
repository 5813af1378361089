using System.Globalization;
using ChatBench.Benchmarks.Results;
using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The open-loop generator's send lag (actual minus scheduled send) against the offered rate: p50, p99 and max where
/// the requests recorded them, on a log axis, with the one-millisecond line its precision is judged by.
/// </summary>
public sealed class SendLagChart : IChart
{
    public string Title => "Open-loop generator: send lag by offered rate";

    public string FileName(string firstClass) => $"{firstClass}-send-lag.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var points = section.SelectMany(SendLagPoint.Of).OrderBy(p => p.Rate).ToList();
        if (points.Count == 0)
        {
            return "no case with a measured send lag (every case failed, or none ran).";
        }

        var plot = ChartFrame.Create(Title, "Offered rate (requests per second)", "Send lag (ms, log scale)", caption);
        var x = points.Select(p => p.Rate).ToArray();
        (string Label, Func<SendLagPoint, double?> Value, LinePattern Pattern)[] series =
        [
            ("p50", p => p.P50, LinePattern.Solid),
            ("p99", p => p.P99, LinePattern.Solid),
            ("max", p => p.Max, LinePattern.Dashed),
        ];
        var values = new List<double>();
        for (var i = 0; i < series.Length; i++)
        {
            var measured = points.Where(p => series[i].Value(p) is > 0).ToList();
            if (measured.Count == 0)
            {
                continue;
            }

            var ys = measured.Select(p => series[i].Value(p)!.Value).ToArray();
            values.AddRange(ys);
            var line = plot.Add.Scatter(measured.Select(p => p.Rate).ToArray(), ys.Select(Math.Log10).ToArray(), ChartFrame.Colour(i));
            line.LegendText = series[i].Label;
            line.LinePattern = series[i].Pattern;
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }

        var tolerance = plot.Add.HorizontalLine(Math.Log10(SendLagPoint.ToleranceMs), 2, ChartFrame.Colour(3), LinePattern.Dotted);
        tolerance.LegendText = string.Create(CultureInfo.InvariantCulture, $"{SendLagPoint.ToleranceMs:0.#} ms: the precision it is judged by");
        values.Add(SendLagPoint.ToleranceMs);
        plot.Axes.Left.TickGenerator = ChartFrame.LogTicks(values.Min(), values.Max());
        plot.Axes.SetLimits(0, x.Max() * 1.08, Math.Log10(values.Min() / 1.5), Math.Log10(values.Max() * 1.5));
        if (points.Any(p => p.P50 is null))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "p50 and max: not recorded in these results" });
        }

        plot.ShowLegend(Alignment.UpperLeft);
        ChartFrame.Save(plot, path);
        return null;
    }
}
