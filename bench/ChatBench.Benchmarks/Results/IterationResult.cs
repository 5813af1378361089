namespace ChatBench.Benchmarks.Results;

/// <summary>One measured iteration (one batch) as its benchmark process recorded it.</summary>
public sealed record IterationResult
{
    public required int Requests { get; init; }

    public required int Failed { get; init; }

    /// <summary>First request sent to last request ended, in milliseconds.</summary>
    public required double SpanMs { get; init; }

    /// <summary>The index (order sent) of the request that completed first, successfully; null if none did.</summary>
    public int? FirstAnswered { get; init; }

    public double? ClientCpuMs { get; init; }

    public double? ServerCpuMs { get; init; }

    public long? Attempts { get; init; }

    public long? RateLimited { get; init; }

    public int? PeakThreadPoolThreads { get; init; }

    public long? PeakPendingWorkItems { get; init; }
}
