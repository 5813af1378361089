using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBench.Tests.Stubs.Metrics;

/// <summary>
/// A strict reader of the Prometheus text exposition format (version 0.0.4): every line a comment, a blank line or a
/// well-formed sample; HELP and TYPE at most once per family and before its samples; a histogram's buckets cumulative,
/// ending in <c>le="+Inf"</c> equal to its <c>_count</c>. Anything else throws, naming the line.
/// </summary>
internal sealed partial class PrometheusText
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private readonly Dictionary<string, string> types = new(StringComparer.Ordinal);
    private readonly List<PrometheusSample> samples = [];

    private PrometheusText()
    {
    }

    public IReadOnlyList<PrometheusSample> Samples => samples;

    public string TypeOf(string family) => types[family];

    /// <summary>The single sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 when there is none.</summary>
    public double Value(string name, params (string Label, string Value)[] labels)
    {
        var matches = samples.Where(s => s.Name == name && labels.All(l => s.Has(l.Label, l.Value))).ToList();
        return matches.Count switch
        {
            0 => 0,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} series of {name} match; name more labels"),
        };
    }

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                parsed.Read(line);
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {i + 1} '{line}': {e.Message}", e);
            }
        }

        parsed.CheckHistograms();
        return parsed;
    }

    private void Read(string line)
    {
        if (line.StartsWith("# TYPE ", StringComparison.Ordinal) || line.StartsWith("# HELP ", StringComparison.Ordinal))
        {
            var parts = line[7..].Split(' ', 2);
            Require(MetricName().IsMatch(parts[0]), "not a metric name");
            if (line[2] == 'T')
            {
                Require(parts.Length == 2 && Types.Contains(parts[1]), "not a metric type");
                Require(types.TryAdd(parts[0], parts[1]), "a second TYPE for the family");
                Require(samples.All(s => FamilyOf(s.Name) != parts[0]), "TYPE after the family's samples");
            }

            return;
        }

        if (line.StartsWith('#'))
        {
            return;
        }

        var match = SampleLine().Match(line);
        Require(match.Success, "not a sample line");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
        {
            Require(labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value)), "a label given twice");
        }

        Require(LabelPair().Replace(match.Groups["labels"].Value, string.Empty).Trim(',').Length == 0, "malformed labels");
        samples.Add(new PrometheusSample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
    }

    private void CheckHistograms()
    {
        foreach (var family in types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal)));
            foreach (var buckets in series)
            {
                var ordered = buckets.OrderBy(b => ParseValue(b.Labels["le"])).ToList();
                Require(ordered.Zip(ordered.Skip(1)).All(p => p.First.Value <= p.Second.Value), $"{family}'s buckets are not cumulative");
                Require(ordered[^1].Labels["le"] == "+Inf", $"{family} has no +Inf bucket");
                var count = samples.Single(s => s.Name == family + "_count" && SameSeries(s, ordered[^1]));
                Require(count.Value == ordered[^1].Value, $"{family}_count differs from its +Inf bucket");
            }
        }
    }

    private static bool SameSeries(PrometheusSample sample, PrometheusSample bucket) =>
        sample.Labels.Count == bucket.Labels.Count - 1 && sample.Labels.All(l => bucket.Has(l.Key, l.Value));

    private string FamilyOf(string sampleName) =>
        new[] { "_bucket", "_sum", "_count" }.Where(sampleName.EndsWith).Select(s => sampleName[..^s.Length]).FirstOrDefault(types.ContainsKey) ?? sampleName;

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException($"'{value}' is not a number"),
    };

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            i++;
            text.Append(value[i] switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => throw new FormatException($"bad escape \\{value[i]}") });
        }

        return text.ToString();
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException(what);
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();
}
