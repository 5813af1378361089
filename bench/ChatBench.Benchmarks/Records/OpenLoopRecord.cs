namespace ChatBench.Benchmarks.Records;

/// <summary>
/// One open-loop invocation: the rate it offered over how many seconds of schedule, the SLO limits it judged requests
/// by (milliseconds, already scaled on the stub), the stub's theoretical capacity when it has one, and why the sweep
/// stops here or stopped before (then nothing was sent).
/// </summary>
public sealed record OpenLoopRecord(double OfferedRate, double ScheduleSeconds, string Arrival)
{
    public double? SloTtftMs { get; init; }

    public double? SloItlMs { get; init; }

    public double? SloE2EMs { get; init; }

    /// <summary>Requests per second the stub completes when saturated, from its own capacity model.</summary>
    public double? StubCapacity { get; init; }

    /// <summary>Why the sweep goes no higher than this rate (error rate, over-saturation), or why this rate was skipped.</summary>
    public string? Stopped { get; init; }

    /// <summary>True when an earlier rate stopped the sweep and this one sent nothing.</summary>
    public bool Skipped { get; init; }
}
