namespace ChatBench.Benchmarks.Records;

/// <summary>
/// Where one request's time beyond the stub's plan went, for the benchmark that decomposes ChatBench's own overhead:
/// what the stub says about itself and the moments the client passed. Milliseconds since the batch started, like the
/// record's own times, except the stub's lateness, which is a duration the stub measured on its own clock.
/// </summary>
public sealed record RequestTiming
{
    /// <summary>How late the stub wrote the whole answer (non-streaming) or the first content token (streaming).</summary>
    public double? StubLateMs { get; init; }

    /// <summary>How late the stub wrote a stream's last content token.</summary>
    public double? StubLastLateMs { get; init; }

    /// <summary>When the client handed the request to its connection (the HttpClient handler chain), after building it.</summary>
    public double? SentMs { get; init; }

    /// <summary>When the stub started handling the request (non-streaming; the stub and the client share one monotonic clock).</summary>
    public double? StubStartMs { get; init; }

    /// <summary>When the response's headers had been parsed, below the client (the HttpClient handler chain).</summary>
    public double? HeadersMs { get; init; }

    /// <summary>When the call returned to the benchmark, after the harness had recorded the request.</summary>
    public double? ReturnedMs { get; init; }
}
