namespace ChatBench.Benchmarks.Results;

/// <summary>The table a summary section shows for each of its classes: the figures its question needs.</summary>
public enum TableKind
{
    /// <summary>Not in the file: written before sections declared their table; the class's current declaration decides.</summary>
    Unspecified,

    /// <summary>Mean, ideal, speed-up over the baseline and efficiency per case.</summary>
    Speedup,

    /// <summary>Per offered rate: achieved rate, goodput, share within the SLO, latency percentiles, send lag, failures.</summary>
    OpenLoop,

    /// <summary>Per offered rate: the generator's send lag (actual minus scheduled send) p50, p99 and max.</summary>
    SendLag,

    /// <summary>Measured minus the stub's planned TTFT and ITL: the harness's own error.</summary>
    Calibration,

    /// <summary>Each part of the harness's overhead per request, in microseconds.</summary>
    Overhead,

    /// <summary>Per retry policy: wall time, attempts, 429 answers and requests finally lost.</summary>
    RateLimits,

    /// <summary>Per client stack: CPU and allocation per request, thread-pool threads and efficiency.</summary>
    ClientStacks,

    /// <summary>Conversations: per turn index, prompt and cached tokens, cache hits and latency percentiles.</summary>
    Turns,

    /// <summary>A sweep over concurrent users: per number of users, turns, share within the SLO, latency percentiles, cache hits.</summary>
    ConcurrentUsers,

    /// <summary>Per stack and batch size: time, efficiency, and the client's CPU, allocation, collections, GC pauses, working set and pool threads.</summary>
    CostByBatch,
}
