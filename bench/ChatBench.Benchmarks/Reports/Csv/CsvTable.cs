using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.Reports.Csv;

/// <summary>
/// The one writer of every CSV ChatBench produces: RFC 4180 fields (a field with a comma, a quote or a line break is
/// quoted, its quotes doubled), numbers in the invariant culture without group separators, one row per line.
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder text = new();

    public CsvTable(params IEnumerable<string> header) => Row(header);

    /// <summary>Adds a row; a null cell is empty.</summary>
    public CsvTable Row(params IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(Field(cell));
        }

        text.Append('\n');
        return this;
    }

    /// <summary>A number as a cell, in <paramref name="format"/>; empty when missing or not finite.</summary>
    public static string Number(double? value, string format = "0.000") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Any value as a cell, in the invariant culture.</summary>
    public static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    public override string ToString() => text.ToString();

    private static string Field(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;
}
