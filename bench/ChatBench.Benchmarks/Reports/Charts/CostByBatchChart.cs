using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// Cost by batch size: per stack, the client's CPU per request against the batch size (both axes logarithmic, solid)
/// and the batch's efficiency on the right axis (dashed, same colour).
/// </summary>
public sealed class CostByBatchChart : IChart
{
    public string Title => "Client CPU per request and efficiency by batch size";

    public string FileName(string firstClass) => $"{firstClass}-cost.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(placement);
        var parameter = placement.XParameter ?? string.Empty;
        var cases = section.SelectMany(f => f.Cases)
            .Where(c => c.NumericParameter(parameter) is > 0 && c.Column(BatchMetrics.ClientCpu) is > 0)
            .ToList();
        if (cases.Count == 0)
        {
            return $"no case with a measured CPU per request and a positive {parameter} (every case failed, or none ran).";
        }

        var plot = ChartFrame.Create(Title, $"{parameter} at once (log scale)", "Client CPU per request (µs, log scale)", caption);
        plot.Axes.Right.Label.Text = "Efficiency (Ideal / Mean), dashed";
        var stacks = cases.Select(c => c.Method).Distinct(StringComparer.Ordinal).ToList();
        for (var s = 0; s < stacks.Count; s++)
        {
            var points = cases.Where(c => c.Method == stacks[s]).OrderBy(c => c.NumericParameter(parameter)).ToList();
            var xs = points.Select(c => Math.Log10(c.NumericParameter(parameter)!.Value)).ToArray();
            var cpu = plot.Add.Scatter(xs, points.Select(c => Math.Log10(c.Column(BatchMetrics.ClientCpu)!.Value)).ToArray(), ChartFrame.Colour(s));
            cpu.LegendText = stacks[s];
            cpu.LineWidth = 2;
            cpu.MarkerSize = 7;
            var withEfficiency = points.Where(c => c.Efficiency is not null).ToList();
            if (withEfficiency.Count > 0)
            {
                var efficiency = plot.Add.Scatter(
                    withEfficiency.Select(c => Math.Log10(c.NumericParameter(parameter)!.Value)).ToArray(),
                    withEfficiency.Select(c => c.Efficiency!.Value).ToArray(),
                    ChartFrame.Colour(s));
                efficiency.LinePattern = LinePattern.Dashed;
                efficiency.LineWidth = 1.5f;
                efficiency.MarkerSize = 5;
                efficiency.Axes.YAxis = plot.Axes.Right;
            }
        }

        var cpus = cases.Select(c => c.Column(BatchMetrics.ClientCpu)!.Value).ToList();
        plot.Axes.Bottom.TickGenerator = ChartFrame.LogTicksAt(cases.Select(c => c.NumericParameter(parameter)!.Value));
        plot.Axes.Left.TickGenerator = ChartFrame.LogTicks(cpus.Min(), cpus.Max());
        plot.Axes.SetLimitsY(0, 1.2, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperRight);
        ChartFrame.Save(plot, path);
        return null;
    }
}
