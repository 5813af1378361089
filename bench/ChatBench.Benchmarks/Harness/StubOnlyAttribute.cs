namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// A benchmark class that cannot aim at a live endpoint: it measures stub processes of its own, or against the stub's
/// ground truth. A live run skips it, says so, and never plans or captions it as live.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StubOnlyAttribute(string reason) : Attribute
{
    /// <summary>Why, completing "skipped under --target live: {class} ...".</summary>
    public string Reason { get; } = reason;
}
