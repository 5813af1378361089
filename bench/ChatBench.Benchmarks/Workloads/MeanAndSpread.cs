using System.Globalization;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// A length drawn uniformly from <c>Mean - Spread</c> to <c>Mean + Spread</c> (vLLM's random dataset draws lengths the
/// same way), written <c>MEAN~SPREAD</c>, or <c>MEAN</c> for a fixed length.
/// </summary>
public readonly record struct MeanAndSpread(int Mean, int Spread)
{
    public int Draw(SeededDraws draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        return Spread == 0 ? Mean : draws.Between(Mean - Spread, Mean + Spread);
    }

    /// <summary>
    /// Parses <c>MEAN</c> or <c>MEAN~SPREAD</c>, each read by <paramref name="number"/>; the smallest draw must be at
    /// least <paramref name="minimum"/>.
    /// </summary>
    public static MeanAndSpread? Parse(string text, Func<string, int?> number, int minimum)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(number);
        var parts = text.Split('~');
        var mean = number(parts[0]);
        var spread = parts.Length == 2 ? number(parts[1]) : parts.Length == 1 ? 0 : null;
        return mean is { } m && spread is { } s && s >= 0 && m - s >= minimum ? new MeanAndSpread(m, s) : null;
    }

    /// <summary>A whole number of 0 or more, as <see cref="Parse"/> reads token counts.</summary>
    public static int? WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public override string ToString() => Spread == 0
        ? Mean.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Mean}~{Spread}");
}
