using System.Globalization;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>How advice prints its figures: invariant culture, whole milliseconds from 100 up, a decimal below.</summary>
public static class AdviceFormat
{
    /// <summary>A relative difference within this is never called a difference, whatever the spread.</summary>
    public const double MaterialDifference = 0.03;

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A per-batch mean: a decimal only when it has one.</summary>
    public static string PerBatch(double value) => value.ToString("#,##0.#", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Fraction(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => Math.Abs(fraction).ToString("0%", CultureInfo.InvariantCulture);
}
