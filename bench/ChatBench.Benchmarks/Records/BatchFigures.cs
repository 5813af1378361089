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

    /// <summary>Garbage collections of any generation during the batch, when the benchmark sampled the GC.</summary>
    public int? Collections { get; init; }

    /// <summary>Of those, collections of generation 1 or 2.</summary>
    public int? Gen1Collections { get; init; }

    /// <summary>Of those, full (generation 2) collections.</summary>
    public int? Gen2Collections { get; init; }

    /// <summary>Time the runtime was paused for garbage collection during the batch, in milliseconds.</summary>
    public double? GcPauseMs { get; init; }

    /// <summary>Managed bytes the process allocated during the batch (every thread, the harness's own records included).</summary>
    public long? AllocatedBytes { get; init; }

    /// <summary>Methods the JIT compiler compiled during the batch (tier-up recompilations included).</summary>
    public long? JitMethods { get; init; }

    /// <summary>Time the JIT compiler spent compiling during the batch, all threads, in milliseconds.</summary>
    public double? JitMs { get; init; }

    /// <summary>The process's working set (resident memory) when the batch ended, in MB.</summary>
    public double? WorkingSetMb { get; init; }
}
