namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>
/// One figure of a benchmark case, defined once: its name (the key in the results JSON and the summary column's
/// heading), its legend, its display format and how it is computed from the case's measurements.
/// </summary>
/// <param name="Audience">Which summaries show it as a column; the results JSON keeps every value either way.</param>
public sealed record CaseMetric(string Name, string Legend, string Format, int Priority, MetricAudience Audience, Func<MeasuredCase, double?> Compute);
