namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// The server's queue at one moment: requests it was running and requests waiting for a slot, read
/// <paramref name="AtMs"/> milliseconds after the window's first scrape, just before the iteration started.
/// </summary>
public sealed record ServerLoadSample(double AtMs, double Running, double Waiting)
{
    /// <summary>In a case's results: the measured iteration (0-based) the sample was taken in.</summary>
    public int? Iteration { get; init; }
}
