namespace ChatBench.Benchmarks.Results;

/// <summary>
/// What an open-loop sweep found, in its class's results file: the highest offered rate at which at least
/// <see cref="Attainment"/> of the requests met every SLO limit, interpolated between the measured rates, next to the
/// stub's theoretical capacity. Optional in schema version 1: null for every other class.
/// </summary>
public sealed record OpenLoopResult
{
    /// <summary>Cases' column names this result is computed from.</summary>
    public const string OfferedColumn = "Offered [req/s]";
    public const string SloMetColumn = "SLO met [%]";
    public const string GoodputColumn = "Goodput [req/s]";
    public const string AchievedColumn = "Achieved [req/s]";
    public const string CapacityColumn = "Capacity [req/s]";
    public const string SendLagP99Column = "Send lag p99 [ms]";

    /// <summary>The share of requests a rate must keep within the SLO to count as within it (DistServe's 90 %).</summary>
    public const double DefaultAttainment = 0.9;

    /// <summary>The limits as judged, in milliseconds (scaled by the time scale on the stub).</summary>
    public required string Slo { get; init; }

    public required double Attainment { get; init; }

    /// <summary>Requests per second; null when even the lowest measured rate missed the SLO.</summary>
    public double? HighestRateWithinSlo { get; init; }

    /// <summary>How the rate was found: <c>interpolated</c>, <c>at least</c> (the highest measured rate met the SLO) or <c>below</c>.</summary>
    public required string Bound { get; init; }

    /// <summary>The stub's saturated throughput (slots / mean service time), from its own model; null on a live target.</summary>
    public double? StubCapacity { get; init; }

    /// <summary>Why the sweep stopped before its last rate, when it did.</summary>
    public string? Stopped { get; init; }
}
