namespace ChatBench.Benchmarks.Results;

/// <summary>BenchmarkDotNet's statistics of a case's measured iterations, in milliseconds.</summary>
public sealed record CaseStatistics(int Count, double MeanMs, double MedianMs, double StandardDeviationMs, double MinMs, double MaxMs);
