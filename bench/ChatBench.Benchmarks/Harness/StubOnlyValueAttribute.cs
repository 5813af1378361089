namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// A parameter value whose cases only the stub can run (a setting of the stub's own, which a provider does not offer):
/// a live run drops those cases and keeps the class's others.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class StubOnlyValueAttribute(string parameter, object value, string reason) : Attribute
{
    public string Parameter { get; } = parameter;

    public object Value { get; } = value;

    /// <summary>Why, completing "skipped under --target live: {class} with {parameter}={value} ...".</summary>
    public string Reason { get; } = reason;

    public bool Matches(BenchmarkDotNet.Running.BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return benchmarkCase.Parameters.Items.Any(p => p.Name == Parameter && Equals(p.Value, Value));
    }
}
