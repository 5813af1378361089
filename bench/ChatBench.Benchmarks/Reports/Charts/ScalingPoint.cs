namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>One benchmark case on a scaling chart: its parameter value and what it measured (milliseconds).</summary>
public sealed record ScalingPoint(double X, double? Mean, double? Ideal, double? Efficiency);
