namespace ChatBench.Tests.Stubs.Metrics;

/// <summary>One line of a Prometheus text exposition: a series and its value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;
}
