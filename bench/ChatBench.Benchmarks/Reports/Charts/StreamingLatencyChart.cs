using ChatBench.Benchmarks.Results;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The p50, p90 and p99 of one latency (time to first token, or end to end) for every case of a section that has it,
/// one group of bars per case (method and parameters).
/// </summary>
public sealed class StreamingLatencyChart(string metric, string title, Func<CaseLatency, Distribution?> select) : IChart
{
    public static StreamingLatencyChart TimeToFirstToken { get; } = new("ttft", "Time to first token (TTFT) percentiles", l => l.Ttft);

    public static StreamingLatencyChart EndToEnd { get; } = new("e2e", "End-to-end latency (E2E) percentiles", l => l.E2E);

    private static readonly string[] PercentileNames = ["p50", "p90", "p99"];

    public string Title => title;

    public string FileName(string firstClass) => $"{firstClass}-{metric}.png";

    public string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(section);
        var measured = section.SelectMany(f => f.Cases)
            .Select(c => (Case: c.Label, Distribution: c.Latency is { } latency ? select(latency) : null))
            .Where(c => c.Distribution is not null)
            .ToList();
        if (measured.Count == 0)
        {
            return $"no {metric.ToUpperInvariant()} values (every case failed, or none ran).";
        }

        var plot = ChartFrame.Create(Title, "Benchmark case", $"{metric.ToUpperInvariant()} (ms)", caption);
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < measured.Count; i++)
        {
            var d = measured[i].Distribution!;
            var values = new[] { d.P50, d.P90, d.P99 };
            for (var p = 0; p < values.Length; p++)
            {
                bars.Add(new Bar { Position = (i * 4) + p, Value = values[p], FillColor = ChartFrame.Colour(p), Size = 0.9 });
            }

            ticks.AddMajor((i * 4) + 1, measured[i].Case.Replace(" (", "\n(", StringComparison.Ordinal));
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        for (var p = 0; p < PercentileNames.Length; p++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = PercentileNames[p], FillColor = ChartFrame.Colour(p) });
        }

        plot.ShowLegend(Alignment.UpperLeft);
        ChartFrame.Save(plot, path);
        return null;
    }
}
