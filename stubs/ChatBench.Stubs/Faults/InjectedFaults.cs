using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Protocol;

namespace ChatBench.Stubs.Faults;

/// <summary>
/// The <see cref="StubFaults"/> applied to a valid request: 429 above the concurrency limit, 500 for a seeded share of
/// arrivals, a stall before the first byte. Nothing here allocates unless a fault is on.
/// </summary>
internal sealed class InjectedFaults(StubFaults faults, ulong seed, StubStatistics statistics)
{
    // Another stream of draws than the latency jitter's, from the same seed.
    private readonly ulong errorSeed = seed ^ 0x5EED_FA17;

    /// <summary>The error to answer instead of the request, or null to serve it.</summary>
    public OpenAIError? Refusal(long arrival, int inFlight)
    {
        if (faults.MaxConcurrency is { } capacity && inFlight > capacity)
        {
            return OpenAIError.RateLimited(capacity);
        }

        if (faults.ErrorRate > 0 && DeterministicJitter.Uniform(errorSeed, (int)arrival) < faults.ErrorRate)
        {
            return OpenAIError.ServerError();
        }

        return null;
    }

    public Task StallAsync(CancellationToken cancellation)
    {
        if (faults.StallBeforeFirstByte is not { } stall)
        {
            return Task.CompletedTask;
        }

        statistics.Stalled1();
        return Task.Delay(stall, cancellation);
    }
}
