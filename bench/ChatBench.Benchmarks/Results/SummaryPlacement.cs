namespace ChatBench.Benchmarks.Results;

/// <summary>
/// Where a benchmark class's results go on the summary page: classes with the same heading share a section, sections
/// are ordered by <see cref="Order"/>, each class shows its <see cref="Table"/>, and the section draws <see cref="Chart"/>
/// with <see cref="XParameter"/> on its x axis. <see cref="Table"/> is absent from files written before it existed.
/// </summary>
public sealed record SummaryPlacement(int Order, string Heading, string Explanation, ChartKind Chart, string? XParameter, TableKind Table = TableKind.Unspecified);
