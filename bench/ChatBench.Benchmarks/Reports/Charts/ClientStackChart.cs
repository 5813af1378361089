using System.Globalization;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// Client stacks side by side: per stack, a bar of CPU per request for each batch size (left axis, µs) and the batch's
/// efficiency as a marker over it (right axis, Ideal / Mean).
/// </summary>
public sealed class ClientStackChart : IChart
{
    public string Title => "Client stacks: CPU per request and efficiency";

    public string FileName(string firstClass) => $"{firstClass}-stacks.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var cases = section.SelectMany(f => f.Cases).Where(c => c.Columns.ContainsKey(BatchMetrics.ClientCpu)).ToList();
        if (cases.Count == 0)
        {
            return "no case with a measured CPU per request (every case failed, or none ran).";
        }

        var stacks = cases.Select(c => c.Method).Distinct(StringComparer.Ordinal).ToList();
        var sizes = cases.Select(c => c.GroupKey()).Distinct(StringComparer.Ordinal).ToList();
        var plot = ChartFrame.Create(Title, "Client stack", "CPU per request (µs)", caption);
        plot.Axes.Right.Label.Text = "Efficiency (Ideal / Mean)";
        var bars = new List<Bar>();
        var ticks = new NumericManual();
        var width = sizes.Count + 1;
        for (var s = 0; s < stacks.Count; s++)
        {
            ticks.AddMajor((s * width) + ((sizes.Count - 1) / 2.0), stacks[s]);
            for (var k = 0; k < sizes.Count; k++)
            {
                if (cases.FirstOrDefault(c => c.Method == stacks[s] && c.GroupKey() == sizes[k]) is not { } result)
                {
                    continue;
                }

                var position = (s * width) + k;
                var cpu = result.Columns[BatchMetrics.ClientCpu];
                bars.Add(new Bar { Position = position, Value = cpu, FillColor = ChartFrame.Colour(k), Size = 0.85, Label = cpu.ToString("0", CultureInfo.InvariantCulture) });
                if (result.Efficiency is { } efficiency)
                {
                    var marker = plot.Add.Marker(position, efficiency, MarkerShape.FilledDiamond, 12, ChartFrame.Colour(6));
                    marker.Axes.YAxis = plot.Axes.Right;
                }
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(0, bars.Max(b => b.Value) * 1.2, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 1.2, plot.Axes.Right);
        for (var k = 0; k < sizes.Count; k++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"CPU/req, {(sizes[k].Length > 0 ? sizes[k] : "the batch")}", FillColor = ChartFrame.Colour(k) });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "efficiency (right axis)", MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = ChartFrame.Colour(6), MarkerSize = 12 });
        plot.ShowLegend(Alignment.UpperRight);
        ChartFrame.Save(plot, path);
        return null;
    }
}
