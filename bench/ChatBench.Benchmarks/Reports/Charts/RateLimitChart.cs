using System.Globalization;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// Retry policies against a rate-limited server: per policy, the batch's wall time and its ideal (left axis, ms) and
/// the requests finally lost per batch (right axis), each bar labelled with its value.
/// </summary>
public sealed class RateLimitChart : IChart
{
    public string Title => "Rate limits: wall time and lost requests by retry policy";

    public string FileName(string firstClass) => $"{firstClass}-policies.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var cases = section.SelectMany(f => f.Cases).Where(c => c.MeanMs is > 0).ToList();
        if (cases.Count == 0)
        {
            return "no measured policy (every case failed, or none ran).";
        }

        var plot = ChartFrame.Create(Title, "Retry policy", "Wall time per batch (ms)", caption);
        plot.Axes.Right.Label.Text = "Requests lost per batch (failed after every retry)";
        var time = new List<Bar>();
        var lost = new List<Bar>();
        var ticks = new NumericManual();
        for (var i = 0; i < cases.Count; i++)
        {
            var result = cases[i];
            time.Add(Bar(i * 4, result.MeanMs!.Value, 0, "0"));
            if (result.IdealMs is { } ideal)
            {
                time.Add(Bar((i * 4) + 1, ideal, 5, "0"));
            }

            if (result.Column(BatchMetrics.Failed) is { } failed)
            {
                lost.Add(Bar((i * 4) + 2, failed, 3, "0.#"));
            }

            ticks.AddMajor((i * 4) + 1, result.Label);
        }

        plot.Add.Bars(time);
        if (lost.Count > 0)
        {
            plot.Add.Bars(lost).Axes.YAxis = plot.Axes.Right;
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(0, time.Max(b => b.Value) * 1.2, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, lost.Max(b => b.Value)) * 1.2, plot.Axes.Right);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "wall time", FillColor = ChartFrame.Colour(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ideal (zero overhead)", FillColor = ChartFrame.Colour(5) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "requests lost (right axis)", FillColor = ChartFrame.Colour(3) });
        plot.ShowLegend(Alignment.UpperRight);
        ChartFrame.Save(plot, path);
        return null;
    }

    private static Bar Bar(double position, double value, int colour, string format) => new()
    {
        Position = position,
        Value = value,
        FillColor = ChartFrame.Colour(colour),
        Size = 0.9,
        Label = value.ToString(format, CultureInfo.InvariantCulture),
    };
}
