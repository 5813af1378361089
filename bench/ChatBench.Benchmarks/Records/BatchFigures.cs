namespace ChatBench.Benchmarks.Records;

/// <summary>
/// What one batch cost beside its requests' times, each when the benchmark measured it: the record of an invocation
/// and the result of an iteration carry the same figures under the same names.
/// </summary>
public record BatchFigures
{
    /// <summary>CPU time a separate server process used during the batch, when the benchmark measured it.</summary>
    public double? ServerCpuMs { get; init; }

    /// <summary>HTTP attempts the client sent for the batch, retries included, when the benchmark counted them.</summary>
    public long? Attempts { get; init; }

    /// <summary>429 responses among those attempts.</summary>
    public long? RateLimited { get; init; }

    /// <summary>CPU time (all threads, user and kernel) the benchmark process itself used during the batch: the client's cost.</summary>
    public double? ClientCpuMs { get; init; }

    /// <summary>The most thread-pool threads seen during the batch, when the benchmark sampled the pool.</summary>
    public int? PeakThreadPoolThreads { get; init; }

    /// <summary>The longest thread-pool queue seen during the batch, when the benchmark sampled the pool.</summary>
    public long? PeakPendingWorkItems { get; init; }
}
