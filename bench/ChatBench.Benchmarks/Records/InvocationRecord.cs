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
}
