namespace ChatBench.Benchmarks.Results;

/// <summary>The chart a summary section draws from its classes' results.</summary>
public enum ChartKind
{
    /// <summary>No chart: the section's tables only.</summary>
    None,

    /// <summary>When each request of the median iteration was sent and answered, per method.</summary>
    Timeline,

    /// <summary>Wall time and its ideal against a size parameter, both axes logarithmic.</summary>
    Scaling,

    /// <summary>Wall time, ideal and efficiency against a concurrency limit.</summary>
    BoundedScaling,

    /// <summary>Time to first token and end-to-end percentiles per case, with their table.</summary>
    LatencyPercentiles,

    /// <summary>Latency percentiles and goodput against the offered rate, the highest rate within the SLO marked.</summary>
    OpenLoop,

    /// <summary>The open-loop generator's send lag percentiles against the offered rate.</summary>
    SendLag,

    /// <summary>Per retry policy: wall time against its ideal, and the requests finally lost.</summary>
    RateLimits,

    /// <summary>Per client stack: CPU per request and efficiency.</summary>
    ClientStacks,

    /// <summary>Conversations: TTFT percentiles by turn index, one line per case (the prefix cache on and off).</summary>
    TurnLatency,

    /// <summary>A sweep over concurrent users: the share of turns within the SLO and TTFT p99 against the users, the highest number within the SLO marked.</summary>
    ConcurrentUsers,

    /// <summary>Per stack, CPU per request against the batch size (log scale), with each batch's efficiency on the right axis.</summary>
    CostByBatch,
}
