namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>What writing the summary page produced: the page, the charts drawn, and the charts that had no data.</summary>
public sealed record SummaryOutcome(string Page, IReadOnlyList<string> Charts, IReadOnlyList<string> Missing);
