namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>One scenario on the summary page: its reports' tables, then its charts.</summary>
public sealed record SummarySection(string Heading, string Explanation, IReadOnlyList<string> ReportClasses, IReadOnlyList<IChart> Charts)
{
    /// <summary>Whether to add the streaming latency percentiles table.</summary>
    public bool LatencyTable { get; init; }
}
