using ScottPlot;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// Batch wall time against batch size for every strategy, both axes logarithmic, each with its ideal (zero-overhead)
/// time as a dashed line in the same colour. Reads the CSV reports of BatchBenchmarks and LargeBatchBenchmarks:
/// Method, the <c>BatchSize</c> parameter, <c>Mean [ms]</c>, <c>Ideal [ms]</c>.
/// </summary>
public sealed class BatchScalingChart : IChart
{
    public const string Parameter = "BatchSize";

    public static readonly string[] ReportClasses = ["BatchBenchmarks", "LargeBatchBenchmarks"];

    public string Title => "Batch wall time by batch size";

    public string FileName => "batch-wall-time.png";

    public string? Draw(ResultsFolder results, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        var files = ReportClasses.Select(results.Report).OfType<string>().ToList();
        if (files.Count == 0)
        {
            return "no batch reports (BatchBenchmarks and LargeBatchBenchmarks did not run).";
        }

        var series = ScalingSeries.From(files.Select(ReportTable.Load), Parameter);
        if (!ScalingSeries.AnyMeasured(series))
        {
            return $"no measured batch (every case failed, or the reports have no {Parameter} column).";
        }

        var plot = ChartFrame.Create(Title, "Batch size (requests, log scale)", "Wall time per batch (ms, log scale)", caption);
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
            return $"no batch with a positive {Parameter} to place on a log scale.";
        }

        plot.Axes.Bottom.TickGenerator = ChartFrame.LogTicksAt(xs);
        plot.Axes.Left.TickGenerator = ChartFrame.LogTicks(ys.Min(), ys.Max());
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dashed: ideal (zero overhead)", LineColor = Colors.Gray, LinePattern = LinePattern.Dashed, LineWidth = 1.5f });
        plot.ShowLegend(Alignment.UpperLeft);
        ChartFrame.Save(plot, path);
        return null;
    }
}
