using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The p50, p90 and p99 of one streaming latency (time to first token, or end to end) for every streaming case, one
/// group of bars per case (method and concurrency level). Reads what <see cref="LatencyPercentiles"/> describes.
/// </summary>
public sealed class StreamingLatencyChart(string metric, string title, string fileName) : IChart
{
    public static StreamingLatencyChart TimeToFirstToken { get; } =
        new("ttft", "Streaming: time to first token (TTFT) percentiles", "streaming-ttft.png");

    public static StreamingLatencyChart EndToEnd { get; } =
        new("e2e", "Streaming: end-to-end latency (E2E) percentiles", "streaming-e2e.png");

    private static readonly string[] PercentileNames = ["p50", "p90", "p99"];

    public string Metric => metric;

    public string Title => title;

    public string FileName => fileName;

    public string? Draw(ResultsFolder results, string caption, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        var cases = LatencyPercentiles.Read(results, metric);
        if (cases.Count == 0)
        {
            return "no streaming latency files (`*-latency.csv` or `*-requests.csv`; StreamingBenchmarks did not run).";
        }

        var measured = cases.Where(c => c.Measured).ToList();
        if (measured.Count == 0)
        {
            return $"no {metric.ToUpperInvariant()} values in the streaming latency files (every case failed, or the columns are missing).";
        }

        var plot = ChartFrame.Create(Title, "Benchmark case", $"{metric.ToUpperInvariant()} (ms)", caption);
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < measured.Count; i++)
        {
            var values = new[] { measured[i].P50, measured[i].P90, measured[i].P99 };
            for (var p = 0; p < values.Length; p++)
            {
                if (values[p] is { } value)
                {
                    bars.Add(new Bar { Position = (i * 4) + p, Value = value, FillColor = ChartFrame.Colour(p), Size = 0.9 });
                }
            }

            ticks.AddMajor((i * 4) + 1, measured[i].Case.Replace(", ", "\n", StringComparison.Ordinal));
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
