namespace ChatBench.Benchmarks.Records;

/// <summary>Every request of one call of a benchmark method, numbered in the order the process made the calls.</summary>
public sealed record InvocationRecord(int Invocation, IReadOnlyList<RequestRecord> Requests)
{
    /// <summary>CPU time a separate server process used during the invocation, when the benchmark measured it.</summary>
    public double? ServerCpuMs { get; init; }

    /// <summary>HTTP attempts the client sent for the batch, retries included, when the benchmark counted them.</summary>
    public long? Attempts { get; init; }

    /// <summary>429 responses among those attempts.</summary>
    public long? RateLimited { get; init; }

    /// <summary>CPU time (all threads, user and kernel) the benchmark process itself used during the invocation: the client's cost.</summary>
    public double? ClientCpuMs { get; init; }

    /// <summary>The most thread-pool threads seen during the invocation, when the benchmark sampled the pool.</summary>
    public int? PeakThreadPoolThreads { get; init; }

    /// <summary>The longest thread-pool queue seen during the invocation, when the benchmark sampled the pool.</summary>
    public long? PeakPendingWorkItems { get; init; }

    /// <summary>What an open-loop invocation offered and judged its requests by.</summary>
    public OpenLoopRecord? OpenLoop { get; init; }
}
