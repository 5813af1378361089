using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The two-question scenario as a timeline: one bar per request from when it was sent to when its answer arrived, for
/// each method's median iteration (by batch time). Concurrently, the short answer's bar ends first.
/// Reads <c>*.SeedScenarioBenchmarks-arrivals.csv</c> (<see cref="SeedArrivalCsvExporter"/>).
/// </summary>
public sealed class TimelineChart : IChart
{
    public string Title => "Two questions: when each answer arrived (median iteration)";

    public string FileName => "seed-timeline.png";

    public string? Draw(ResultsFolder results, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.SeedArrivals() is not { } file)
        {
            return "no per-request arrivals (the seed scenario did not run: `--filter '*Seed*'`).";
        }

        var table = ReportTable.Load(file);
        var requests = table.Rows
            .Select(row => (
                Method: table.Text(row, "method"),
                Iteration: table.Number(row, "iteration"),
                Index: table.Number(row, "index"),
                Prompt: table.Text(row, "prompt"),
                Start: table.Milliseconds(row, "start_ms"),
                End: table.Milliseconds(row, "end_ms")))
            .Where(r => r.Method.Length > 0 && r.Start is not null && r.End is not null)
            .ToList();
        if (requests.Count == 0)
        {
            return $"{Path.GetFileName(file)} has no measured requests (the seed benchmarks failed).";
        }

        var methods = requests.Select(r => r.Method).Distinct(StringComparer.Ordinal).ToList();
        var prompts = requests.Select(r => r.Prompt).Distinct(StringComparer.Ordinal).ToList();
        var plot = ChartFrame.Create(Title, "Time since the batch started (ms)", string.Empty, caption);
        var bars = new List<Bar>();
        var ticks = new NumericManual();
        var row = 0;
        foreach (var method in methods)
        {
            var iterations = requests.Where(r => r.Method == method).GroupBy(r => r.Iteration).ToList();
            var median = iterations.OrderBy(g => g.Max(r => r.End)).ElementAt(iterations.Count / 2);
            foreach (var request in median.OrderBy(r => r.Index))
            {
                var y = -row++;
                bars.Add(new Bar
                {
                    Position = y,
                    ValueBase = request.Start!.Value,
                    Value = request.End!.Value,
                    FillColor = ChartFrame.Colour(prompts.IndexOf(request.Prompt)),
                    Size = 0.7,
                    Label = string.Create(CultureInfo.InvariantCulture, $"{request.End.Value:0} ms"),
                });
                ticks.AddMajor(y, $"{method} · {request.Prompt}");
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
        plot.Axes.SetLimitsX(0, requests.Max(r => r.End!.Value) * 1.15);
        for (var i = 0; i < prompts.Count; i++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = prompts[i], FillColor = ChartFrame.Colour(i) });
        }

        plot.ShowLegend(Alignment.LowerRight);
        ChartFrame.Save(plot, path);
        return null;
    }
}
