namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>What the equivalence test says of a time: the candidate against the baseline.</summary>
public enum Verdict
{
    Same,
    Faster,
    Slower,

    /// <summary>Too few values on one side (a failed case, a single iteration): no test is possible.</summary>
    Unknown,
}
