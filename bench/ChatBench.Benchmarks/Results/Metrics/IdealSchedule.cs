using ChatBench.Benchmarks.Harness;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>The time a batch would take with zero overhead, given each request's latency and how they are scheduled.</summary>
public static class IdealSchedule
{
    public static double Makespan(IReadOnlyList<double> latencies, ScheduleKind kind, int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        if (latencies.Count == 0)
        {
            return 0;
        }

        return kind switch
        {
            ScheduleKind.Sequential => latencies.Sum(),
            ScheduleKind.Unbounded => latencies.Max(),
            ScheduleKind.Bounded => Bounded(latencies, workers),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown schedule"),
        };
    }

    /// <summary>
    /// k workers take the requests in order, each the next one as soon as it is free (what a semaphore or
    /// Parallel.ForEachAsync does); the batch ends when the last worker does.
    /// </summary>
    public static double Bounded(IReadOnlyList<double> latencies, int workers)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var free = new PriorityQueue<int, double>();
        for (var w = 0; w < Math.Min(workers, latencies.Count); w++)
        {
            free.Enqueue(w, 0);
        }

        var end = 0.0;
        foreach (var latency in latencies)
        {
            free.TryDequeue(out var worker, out var at);
            var done = at + latency;
            end = Math.Max(end, done);
            free.Enqueue(worker, done);
        }

        return end;
    }
}
