using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results;

/// <summary>One measured iteration (one batch) as its benchmark process recorded it: its requests in short, and what it cost.</summary>
public sealed record IterationResult : BatchFigures
{
    public IterationResult()
    {
    }

    /// <summary>An iteration with the figures its invocation recorded.</summary>
    public IterationResult(BatchFigures figures)
        : base(figures)
    {
    }

    public required int Requests { get; init; }

    public required int Failed { get; init; }

    /// <summary>First request sent to last request ended, in milliseconds.</summary>
    public required double SpanMs { get; init; }

    /// <summary>The index (order sent) of the request that completed first, successfully; null if none did.</summary>
    public int? FirstAnswered { get; init; }
}
