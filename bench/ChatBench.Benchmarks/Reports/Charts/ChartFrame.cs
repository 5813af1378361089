using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>What every chart shares: size, title, axis labels, the run caption under the plot, colours and log axes.</summary>
public static class ChartFrame
{
    public const int Width = 1100;

    public const int Height = 620;

    /// <summary>Colour-blind-friendly (Okabe-Ito), distinguishable on white and in greyscale order.</summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    public static Color Colour(int index) => Palette[index % Palette.Length];

    public static Plot Create(string title, string xLabel, string yLabel, string caption)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 20;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);

        // The run the numbers come from, under the x-axis: an extra axis with no ticks carries it as its label.
        var captionAxis = plot.Axes.AddBottomAxis();
        captionAxis.LabelText = caption;
        captionAxis.LabelFontSize = 12;
        captionAxis.LabelStyle.Bold = false;
        captionAxis.LabelFontColor = Color.FromHex("#555555");
        captionAxis.TickGenerator = new NumericManual();
        captionAxis.FrameLineStyle.Width = 0;
        captionAxis.MajorTickStyle.Length = 0;
        captionAxis.MinorTickStyle.Length = 0;
        return plot;
    }

    /// <param name="height">Taller than <see cref="Height"/> for charts with a row per case.</param>
    public static void Save(Plot plot, string path, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, height);
    }

    /// <summary>
    /// Ticks for an axis whose data were plotted as log10(value): at 1, 2 and 5 times each power of ten in the range,
    /// labelled with the value itself.
    /// </summary>
    public static NumericManual LogTicks(double min, double max)
    {
        var ticks = new NumericManual();
        var low = Math.Floor(Math.Log10(min));
        var high = Math.Ceiling(Math.Log10(max));
        for (var decade = low; decade <= high; decade++)
        {
            foreach (var step in new[] { 1.0, 2.0, 5.0 })
            {
                var value = step * Math.Pow(10, decade);
                if (value >= min / 1.5 && value <= max * 1.5)
                {
                    ticks.AddMajor(Math.Log10(value), Label(value));
                }
            }
        }

        return ticks;
    }

    /// <summary>Ticks exactly at the given values on a log10 axis, for parameters such as batch sizes.</summary>
    public static NumericManual LogTicksAt(IEnumerable<double> values)
    {
        var ticks = new NumericManual();
        foreach (var value in values.Where(v => v > 0).Distinct().Order())
        {
            ticks.AddMajor(Math.Log10(value), Label(value));
        }

        return ticks;
    }

    private static string Label(double value) => value >= 1
        ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
