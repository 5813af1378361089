using System.Globalization;
using ChatBench.Benchmarks.Results;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// A few requests as a timeline: one bar per request from when it was sent to when its answer arrived, for each
/// case's median iteration. Concurrently, the short answer's bar ends first.
/// </summary>
public sealed class TimelineChart : IChart
{
    public string Title => "When each answer arrived (median iteration)";

    public string FileName(string firstClass) => $"{firstClass}-timeline.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var cases = section.SelectMany(f => f.Cases).Where(c => c.MedianIteration is { Count: > 0 }).ToList();
        if (cases.Count == 0)
        {
            return "no per-request arrivals (every case failed, or none ran).";
        }

        var prompts = cases.SelectMany(c => c.MedianIteration!).Select(r => r.PromptClass).Distinct(StringComparer.Ordinal).ToList();
        var plot = ChartFrame.Create(Title, "Time since the batch started (ms)", string.Empty, caption);
        var bars = new List<Bar>();
        var ticks = new NumericManual();
        var row = 0;
        foreach (var benchmarkCase in cases)
        {
            foreach (var request in benchmarkCase.MedianIteration!)
            {
                var y = -row++;
                bars.Add(new Bar
                {
                    Position = y,
                    ValueBase = request.StartMs,
                    Value = request.EndMs,
                    FillColor = ChartFrame.Colour(prompts.IndexOf(request.PromptClass)),
                    Size = 0.7,
                    Label = string.Create(CultureInfo.InvariantCulture, $"{request.EndMs:0} ms"),
                });
                ticks.AddMajor(y, $"{benchmarkCase.Label} · {request.PromptClass}");
            }

            row++;
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Margins(left: 0, right: 0.12);
        plot.Axes.SetLimitsX(0, cases.Max(c => c.MedianIteration!.Max(r => r.EndMs)) * 1.15);
        for (var i = 0; i < prompts.Count; i++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = prompts[i], FillColor = ChartFrame.Colour(i) });
        }

        plot.ShowLegend(Alignment.LowerRight);
        ChartFrame.Save(plot, path);
        return null;
    }
}
