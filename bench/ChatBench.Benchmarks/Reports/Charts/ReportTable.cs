using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// A CSV file with a header row, as BenchmarkDotNet and ChatBench's exporters write them: comma-separated, fields quoted
/// when they hold a comma or a quote, units either once in the header (<c>Mean [ms]</c>) or in each cell (<c>272.7 ms</c>).
/// Columns are found by name regardless of case, punctuation and unit (<c>ttft_p50_ms</c>, <c>TTFT p50 [ms]</c> and
/// <c>ttft p50</c> are the same column), so small format changes in the files do not break the charts.
/// </summary>
public sealed class ReportTable
{
    private static readonly string[] MissingValues = ["", "NA", "N/A", "-", "?", "NaN"];

    private readonly Dictionary<string, int> columnIndex;

    private ReportTable(string source, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Source = source;
        Headers = headers;
        Rows = rows;
        columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            columnIndex.TryAdd(Key(headers[i]), i);
        }
    }

    /// <summary>The file name (or a description) the table came from, for error messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Reads a CSV file; a file that is empty or whose rows do not match the header is an <see cref="InvalidDataException"/>.</summary>
    public static ReportTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static ReportTable Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text, source);
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"{source} is empty: it has no header row.");
        }

        var headers = records[0].Select(h => h.Trim()).ToList();
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Count != headers.Count)
            {
                throw new InvalidDataException($"{source} line {i + 1} has {records[i].Count} fields where the header has {headers.Count}.");
            }
        }

        return new ReportTable(source, headers, records.Skip(1).ToList());
    }

    /// <summary>Quotes a value for a CSV field when it needs it.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public bool Has(string column) => columnIndex.ContainsKey(Key(column));

    /// <summary>The index of the first column among <paramref name="names"/> that exists, or -1.</summary>
    public int Column(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (columnIndex.TryGetValue(Key(name), out var index))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// BenchmarkDotNet's [Params] columns: before <c>Mean</c>, other than Method and Job, with values that differ between
    /// rows (the job's settings fill the other columns there, the same on every row of a one-job run).
    /// </summary>
    public IReadOnlyList<int> ParameterColumns()
    {
        var mean = Column("Mean");
        var end = mean < 0 ? Headers.Count : mean;
        var skipped = new[] { Column("Method"), Column("Job") };
        return Enumerable.Range(0, end)
            .Where(c => !skipped.Contains(c) && Rows.Select(r => r[c].Trim()).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToList();
    }

    public string Text(IReadOnlyList<string> row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        var index = Column(column);
        return index < 0 ? string.Empty : row[index].Trim();
    }

    /// <summary>A dimensionless number, or null when the cell is empty, NA or not a number.</summary>
    public double? Number(IReadOnlyList<string> row, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(row);
        var index = Column(columns);
        return index < 0 ? null : ParseNumber(row[index]).Value;
    }

    /// <summary>A time in milliseconds, converted from the unit in the cell or in the header (ns, us, ms, s).</summary>
    public double? Milliseconds(IReadOnlyList<string> row, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(row);
        var index = Column(columns);
        if (index < 0)
        {
            return null;
        }

        var (value, unit) = ParseNumber(row[index]);
        return value * UnitToMilliseconds(unit ?? HeaderUnit(Headers[index]));
    }

    /// <summary>Lower-case letters and digits only, the unit dropped: the name columns are matched by.</summary>
    public static string Key(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var name = header;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0)
        {
            name = name[..bracket];
        }

        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        // "ttft_p50_ms" names its unit in a suffix: the column is "ttft p50".
        var text = key.ToString();
        var lower = name.TrimEnd().ToLowerInvariant();
        return text.Length > 2 && (lower.EndsWith("_ms", StringComparison.Ordinal) || lower.EndsWith(" ms", StringComparison.Ordinal)) ? text[..^2] : text;
    }

    private static (double? Value, string? Unit) ParseNumber(string cell)
    {
        var text = cell.Trim();
        if (MissingValues.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ',' or '-' or '+' or 'e' or 'E'))
        {
            end++;
        }

        var number = text[..end].Replace(",", string.Empty, StringComparison.Ordinal);
        var unit = text[end..].Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (value, unit.Length > 0 ? unit : null)
            : (null, null);
    }

    private static string? HeaderUnit(string header)
    {
        var open = header.IndexOf('[', StringComparison.Ordinal);
        var close = header.IndexOf(']', StringComparison.Ordinal);
        if (open >= 0 && close > open)
        {
            return header[(open + 1)..close].Trim();
        }

        return header.TrimEnd().EndsWith("_ms", StringComparison.OrdinalIgnoreCase) ? "ms" : null;
    }

    private static double UnitToMilliseconds(string? unit) => unit switch
    {
        "ns" => 1e-6,
        "us" or "μs" or "µs" => 1e-3,
        "s" or "sec" => 1e3,
        "min" or "m" => 60e3,
        _ => 1,
    };

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Records(string text, string source)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    AddUnlessBlank(records, record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{source} ends inside a quoted field.");
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            AddUnlessBlank(records, record);
        }

        return records;
    }

    private static void AddUnlessBlank(List<List<string>> records, List<string> record)
    {
        if (record.Count > 1 || record[0].Trim().Length > 0)
        {
            records.Add(record);
        }
    }
}
