namespace ChatBench.Benchmarks.Results;

/// <summary>
/// Declares, on a benchmark class, its section of the summary page: the heading (classes with the same heading share a
/// section), the section's prose, its table, its chart and the parameter on the chart's x axis (use <c>nameof</c>, so a renamed
/// parameter is a compile error). Copied into the JSON results, which is all the summary page reads.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SummarySectionAttribute(int order, string heading, string explanation) : Attribute
{
    public int Order { get; } = order;

    public string Heading { get; } = heading;

    public string Explanation { get; } = explanation;

    public ChartKind Chart { get; init; }

    public TableKind Table { get; init; } = TableKind.Speedup;

    public string? XParameter { get; init; }

    public SummaryPlacement ToPlacement() => new(Order, Heading, Explanation, Chart, XParameter, Table);
}
