namespace ChatBench.Benchmarks.Harness;

/// <summary>How a benchmark method schedules its requests, which decides its ideal (zero-overhead) time.</summary>
public enum ScheduleKind
{
    /// <summary>One after the other: the ideal is the sum of the latencies.</summary>
    Sequential,

    /// <summary>All at once: the ideal is the largest latency.</summary>
    Unbounded,

    /// <summary>At most k in flight, taken in order: the ideal is the k-worker schedule's makespan.</summary>
    Bounded,
}
