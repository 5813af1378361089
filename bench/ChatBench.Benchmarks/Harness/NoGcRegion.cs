using System.Runtime;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Holds the garbage collector off while a schedule is kept, within a memory budget: a collection suspends every
/// managed thread, the sending threads included, so each one delays every send due during it (measured at 1,000 req/s
/// on a loaded two-core machine: three collections in three seconds, 104 ms of pauses, send lag p99 53-76 ms; with the
/// collector held off, 5-11 ms). The collection that makes room runs when it starts, before the batch is timed. An
/// application would not run its requests like this: it is the load generator's setting, for the open-loop classes
/// only. Past the budget the collector runs again as usual.
/// </summary>
public sealed class NoGcRegion : IDisposable
{
    /// <summary>Bytes allowed per request: an SDK stream allocated about 37 KB at 1,000 req/s; longer answers allocate more per chunk.</summary>
    public const long BytesPerRequest = 128 * 1024;

    private const long MaxBytes = 1L << 30;

    private NoGcRegion()
    {
    }

    /// <summary>Starts a region for <paramref name="requests"/> requests' allocations (at most 1 GB), <paramref name="bytesPerRequest"/> each.</summary>
    public static NoGcRegion For(int requests, long bytesPerRequest = BytesPerRequest)
    {
        var bytes = Math.Min(MaxBytes, (64L << 20) + (requests * bytesPerRequest));
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            GC.TryStartNoGCRegion(bytes);
        }

        return new NoGcRegion();
    }

    public void Dispose()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
