using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>A markdown table: the first column (what the row is) left-aligned, the figures right-aligned.</summary>
public sealed class MarkdownTable(params IReadOnlyList<string> columns)
{
    private readonly StringBuilder rows = new();

    public int Rows { get; private set; }

    public MarkdownTable Row(params IReadOnlyList<string> cells)
    {
        if (cells.Count != columns.Count)
        {
            throw new ArgumentException($"A row of {cells.Count} cells in a table of {columns.Count} columns.", nameof(cells));
        }

        rows.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        Rows++;
        return this;
    }

    public override string ToString() =>
        $"| {string.Join(" | ", columns)} |\n|---|{string.Concat(columns.Skip(1).Select(_ => "---:|"))}\n{rows}";

    /// <summary>A figure in the invariant culture, or "-" when there is none.</summary>
    public static string Figure(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
