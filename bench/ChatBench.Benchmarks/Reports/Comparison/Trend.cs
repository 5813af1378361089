namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>How a score without raw samples (efficiency, failed requests) moved, by a plain rule, not a test.</summary>
public enum Trend
{
    Same,
    Better,
    Worse,
}
