
namespace ChatBench.Benchmarks.Results;

/// <summary>The benchmark class a results file is about, and where its results go on the summary page.</summary>
public sealed record BenchmarkDescription
{
    /// <summary>The class's full name, e.g. <c>ChatBench.Benchmarks.Scenarios.BatchBenchmarks</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The class's short name, e.g. <c>BatchBenchmarks</c>.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Its section and chart on the summary page, from its <see cref="SummarySectionAttribute"/>; null: "other benchmarks".</summary>
    public SummaryPlacement? Summary { get; init; }

    /// <summary>What each entry of <see cref="CaseResult.Columns"/> means, by column name.</summary>
    public IReadOnlyDictionary<string, string> ColumnLegends { get; init; } = new Dictionary<string, string>();
}
