using System.Globalization;
using System.Text.Json.Serialization;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// One benchmark case (method and parameter values) of one run: BenchmarkDotNet's raw per-iteration times and
/// statistics, every ChatBench column's value, the latency distributions and their raw samples. Times in milliseconds.
/// </summary>
public sealed record CaseResult
{
    public required string Method { get; init; }

    /// <summary>Parameter values by name, formatted with the invariant culture.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether this method is its class's baseline, against which speed-ups are computed.</summary>
    public bool Baseline { get; init; }

    /// <summary>False when the case failed: its numbers are missing, not zero.</summary>
    public required bool Success { get; init; }

    /// <summary>BenchmarkDotNet's measured (warm-up excluded) iterations, one batch each, in milliseconds.</summary>
    public IReadOnlyList<double> IterationsMs { get; init; } = [];

    /// <summary>BenchmarkDotNet's statistics of <see cref="IterationsMs"/>.</summary>
    public CaseStatistics? Statistics { get; init; }

    /// <summary>The batch's zero-overhead time, averaged over the measured iterations (null when not defined).</summary>
    public double? IdealMs { get; init; }

    /// <summary>Ideal / mean: 1 means no overhead at all.</summary>
    public double? Efficiency { get; init; }

    /// <summary>Every ChatBench summary column with a value for this case, by column name (see <see cref="BenchmarkDescription.ColumnLegends"/>).</summary>
    public IReadOnlyDictionary<string, double> Columns { get; init; } = new Dictionary<string, double>();

    /// <summary>The latency distributions, throughput and errors per kind over the measured iterations.</summary>
    public CaseLatency? Latency { get; init; }

    /// <summary>Per measured iteration: what its requests did.</summary>
    public IReadOnlyList<IterationResult> Iterations { get; init; } = [];

    /// <summary>Every successful request's latencies over the measured iterations, for distributions and comparisons.</summary>
    public LatencySamples? Samples { get; init; }

    /// <summary>Streaming cases only: every measured request as recorded (failed ones included), for latency profiles.</summary>
    [JsonConverter(typeof(RequestsJsonConverter))]
    public IReadOnlyList<RequestRecord>? Requests { get; init; }

    /// <summary>The requests of the median iteration (by its last answer), for cases of at most <see cref="MedianIterationLimit"/> requests.</summary>
    public IReadOnlyList<RequestRecord>? MedianIteration { get; init; }

    public const int MedianIterationLimit = 100;

    /// <summary>The server's own view of the measured iterations, from its <c>/metrics</c>; null when the target serves none.</summary>
    public ServerView? Server { get; init; }

    /// <summary>The mean iteration time, or null for a failed case.</summary>
    [JsonIgnore]
    public double? MeanMs => Statistics?.MeanMs;

    /// <summary>"Method" or "Method (A=1, B=2)": how tables and charts name the case.</summary>
    [JsonIgnore]
    public string Label => Parameters.Count == 0
        ? Method
        : $"{Method} ({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))})";

    /// <summary>The case's parameters other than <paramref name="except"/>, as one key for grouping.</summary>
    public string GroupKey(string? except = null) =>
        string.Join(", ", Parameters.Where(p => p.Key != except).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>A ChatBench column's value, or null when the case has none.</summary>
    public double? Column(string name) => Columns.TryGetValue(name, out var value) ? value : null;

    /// <summary>A parameter's value as a number, or null when absent or not numeric.</summary>
    public double? NumericParameter(string name) =>
        Parameters.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
