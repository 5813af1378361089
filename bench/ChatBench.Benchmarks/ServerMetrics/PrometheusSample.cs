namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>One sample line of a Prometheus text exposition: a series name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The value of label <paramref name="name"/>, or null when the sample has none.</summary>
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
