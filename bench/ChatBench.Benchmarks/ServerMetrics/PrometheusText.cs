using System.Globalization;
using System.Text;

namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4, what vLLM, SGLang, TGI and prometheus-net serve):
/// <c># HELP</c> and <c># TYPE</c> lines, other comments, samples with labels whose values escape <c>\\</c>, <c>\"</c>
/// and <c>\n</c>, values including <c>NaN</c> and <c>±Inf</c>, and an optional timestamp. Strict enough to tell an
/// exposition from an HTML page or a JSON error: anything else is a <see cref="FormatException"/> naming the line.
/// </summary>
public static class PrometheusText
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped", "unknown"];

    /// <summary>Reads every line of <paramref name="text"/>; with <paramref name="series"/>, only the samples of those series.</summary>
    /// <exception cref="FormatException">The text is not a Prometheus exposition (in the lines read).</exception>
    public static PrometheusExposition Parse(string text, IReadOnlySet<string>? series = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? wanted = series is null ? null : new HashSet<string>(series, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            var span = raw.Trim();

            // A sampler wants two gauges out of hundreds of lines: the others are passed over before anything is allocated.
            if (span.IsEmpty || (wanted is { } only && (span[0] == '#' || !only.Contains(span[..NameLength(span)]))))
            {
                continue;
            }

            var line = span.ToString();
            try
            {
                if (line[0] == '#')
                {
                    ReadComment(line, types);
                }
                else
                {
                    samples.Add(ReadSample(line));
                }
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {number}: {e.Message}", e);
            }
        }

        return new PrometheusExposition(samples, types);
    }

    private static int NameLength(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny('{', ' ', '\t');
        return end < 0 ? line.Length : end;
    }

    private static void ReadComment(string line, Dictionary<string, string> types)
    {
        var parts = line[1..].TrimStart().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0] is not ("TYPE" or "HELP"))
        {
            return;
        }

        if (parts.Length < 2 || !IsMetricName(parts[1]))
        {
            throw new FormatException($"# {parts[0]} without a valid metric name");
        }

        if (parts[0] == "TYPE")
        {
            var type = parts.Length == 3 ? parts[2].Trim() : string.Empty;
            if (!Types.Contains(type))
            {
                throw new FormatException($"unknown metric type '{type}' for {parts[1]}");
            }

            if (!types.TryAdd(parts[1], type))
            {
                throw new FormatException($"a second # TYPE for {parts[1]}");
            }
        }
    }

    private static PrometheusSample ReadSample(string line)
    {
        var at = 0;
        while (at < line.Length && IsNameChar(line[at], first: at == 0))
        {
            at++;
        }

        var name = line[..at];
        if (name.Length == 0)
        {
            throw new FormatException($"'{Shorten(line)}' does not start with a metric name");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at = ReadLabels(line, at + 1, labels);
        }

        var rest = line[at..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (at < line.Length && line[at] is not (' ' or '\t') || rest.Length is < 1 or > 2)
        {
            throw new FormatException($"'{Shorten(line)}' is not a sample: a name, labels in braces, a value and an optional timestamp");
        }

        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"the timestamp '{Shorten(rest[1])}' of {name} is not whole milliseconds");
        }

        return new PrometheusSample(name, labels, Value(rest[0], name));
    }

    /// <summary>Reads labels from just after <c>{</c> to their <c>}</c>; returns the index after it.</summary>
    private static int ReadLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (true)
        {
            at = SkipSpaces(line, at);
            if (at < line.Length && line[at] == '}')
            {
                return at + 1;
            }

            var start = at;
            while (at < line.Length && IsLabelChar(line[at], first: at == start))
            {
                at++;
            }

            var label = line[start..at];
            var equals = SkipSpaces(line, at);
            var quote = SkipSpaces(line, equals + 1);
            if (label.Length == 0 || quote >= line.Length || line[equals] != '=' || line[quote] != '"')
            {
                throw new FormatException($"a label in '{Shorten(line)}' is not name=\"value\"");
            }

            at = quote + 1;
            var value = new StringBuilder();
            for (; at < line.Length && line[at] != '"'; at++)
            {
                if (line[at] != '\\')
                {
                    value.Append(line[at]);
                    continue;
                }

                value.Append(++at < line.Length ? line[at] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    var other => throw new FormatException($"the escape '\\{other}' in label {label} is not \\\\, \\\" or \\n"),
                } : throw new FormatException($"the value of label {label} ends inside an escape"));
            }

            if (at >= line.Length)
            {
                throw new FormatException($"the value of label {label} has no closing quote");
            }

            if (!labels.TryAdd(label, value.ToString()))
            {
                throw new FormatException($"label {label} appears twice in one sample");
            }

            at = SkipSpaces(line, at + 1);
            if (at < line.Length && line[at] == ',')
            {
                at++;
            }
            else if (at >= line.Length || line[at] != '}')
            {
                throw new FormatException($"the labels in '{Shorten(line)}' are not closed with }}");
            }
        }
    }

    private static double Value(string text, string name) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new FormatException($"the value '{Shorten(text)}' of {name} is not a number"),
    };

    private static int SkipSpaces(string line, int at)
    {
        while (at < line.Length && line[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    private static bool IsMetricName(string name) => name.Length > 0 && name.Select((c, i) => IsNameChar(c, i == 0)).All(ok => ok);

    private static bool IsNameChar(char c, bool first) => char.IsAsciiLetter(c) || c is '_' or ':' || (!first && char.IsAsciiDigit(c));

    private static bool IsLabelChar(char c, bool first) => char.IsAsciiLetter(c) || c == '_' || (!first && char.IsAsciiDigit(c));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
