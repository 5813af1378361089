using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>What a batch cost: its ideal and efficiency, CPU on both sides, the thread pool, allocation, HTTP attempts.</summary>
public static class BatchMetrics
{
    public const string Ideal = "Ideal [ms]";
    public const string Efficiency = "Efficiency";
    public const string ClientCpu = "CPU/req [us]";
    public const string PoolThreads = "Pool threads (peak)";
    public const string PoolQueue = "Pool queue (peak)";
    public const string Allocated = "Alloc/req [KB]";
    public const string Collections = "GCs/batch";
    public const string Gen1Collections = "Gen1+ GCs/batch";
    public const string GcPause = "GC pause/req [us]";
    public const string WorkingSet = "Working set [MB]";
    public const string Jit = "JIT methods/batch";
    public const string Attempts = "Attempts";
    public const string RateLimited = "429s";
    public const string Failed = "Failed";

    public static IEnumerable<CaseMetric> All(TargetKind target) =>
    [
        new(Ideal, target == TargetKind.Stub
                ? "Zero-overhead batch time from the stub's configured latencies: their sum when sequential, the largest when unbounded, the k-worker schedule when bounded"
                : "Estimated zero-overhead batch time from the per-request latencies this run measured: their sum when sequential, the largest when unbounded, the k-worker schedule when bounded",
            "0.0", 0, MetricAudience.AnyValue, c => c.IdealMs),
        new(Efficiency, "Ideal / Mean: how close the measured batch time is to its zero-overhead time (1.00 = no overhead at all)", "0.00", 1, MetricAudience.AnyValue, c => c.Efficiency),
        new("Server CPU/req [us]", "CPU time (user + kernel, all threads) of the stub's own process during a batch, divided by the batch's requests, in microseconds, mean of the measured iterations", "0.0", 10, MetricAudience.AnyValue,
            c => Mean(c.Invocations.Where(i => i.ServerCpuMs is not null && i.Requests.Count > 0).Select(i => i.ServerCpuMs!.Value * 1000 / i.Requests.Count))),

        // Medians: on a shared machine a single iteration's CPU time can double (spinning pool threads, background JIT).
        // Every batch records these, but a batch also carries a fixed CPU floor of about 0.1 s in the benchmark process
        // whatever it does, which makes CPU per request meaningless for small batches: only the client-stack report,
        // which explains that, shows them.
        new(ClientCpu, "CPU time (user + kernel, all threads) of the benchmark process during a batch, divided by the batch's requests, in microseconds, median of the measured iterations: the client's own cost, apart from the simulated latency (the stub runs in another process)", "0", 11, MetricAudience.ClientStack,
            c => c.MedianPerInvocation(i => i.ClientCpuMs is { } ms && i.Requests.Count > 0 ? ms * 1000 / i.Requests.Count : null)),
        new(PoolThreads, "The most thread-pool threads seen during a batch (sampled every 10 ms), median of the measured iterations", "0", 12, MetricAudience.ClientStack,
            c => c.MedianPerInvocation(i => i.PeakThreadPoolThreads)),
        new(PoolQueue, "The longest thread-pool queue (work items waiting for a thread) seen during a batch (sampled every 10 ms), median of the measured iterations", "0", 13, MetricAudience.ClientStack,
            c => c.MedianPerInvocation(i => i.PeakPendingWorkItems)),
        // Means, not medians: a collection every third batch has a median of none.
        new(Collections, "Garbage collections of any generation during a batch, mean of the measured iterations", "0.##", 15, MetricAudience.ClientStack,
            c => Mean(c.Invocations.Select(i => i.Collections).OfType<int>().Select(n => (double)n))),
        new(Gen1Collections, "Of those, collections of generation 1 or 2 (which also walk the objects gen 0 promoted), mean of the measured iterations", "0.##", 16, MetricAudience.ClientStack,
            c => Mean(c.Invocations.Select(i => i.Gen1Collections).OfType<int>().Select(n => (double)n))),
        new(GcPause, "Time the runtime was paused for garbage collection during a batch, divided by its requests, in microseconds, mean of the measured iterations", "0.0", 17, MetricAudience.ClientStack,
            c => Mean(c.Invocations.Where(i => i.GcPauseMs is not null && i.Requests.Count > 0).Select(i => i.GcPauseMs!.Value * 1000 / i.Requests.Count))),
        new(WorkingSet, "The benchmark process's working set (resident memory) when a batch ended, in MB, median of the measured iterations", "0", 18, MetricAudience.ClientStack,
            c => c.MedianPerInvocation(i => i.WorkingSetMb)),
        // The count, not the JIT's time: that is wall time inside the compiler, which a loaded machine stretches many times.
        new(Jit, "Methods the JIT compiler compiled during a batch (tier-up recompilations of hot code included), median of the measured iterations: near 0 once the client's code is compiled", "0", 19, MetricAudience.ClientStack,
            c => c.MedianPerInvocation(i => i.JitMethods)),
        new(Allocated, "Allocated (MemoryDiagnoser, managed bytes per batch) divided by the batch's requests, in KB (1 KB = 1024 B)", "0.0", 14, MetricAudience.AnyValue,
            c => c.AllocatedBytesPerInvocation is { } bytes && c.Invocations.Select(i => i.Requests.Count).FirstOrDefault() is > 0 and var requests ? bytes / 1024.0 / requests : null),

        // Per batch, averaged over the measured iterations, for the benchmarks that count their HTTP attempts.
        new(Attempts, "HTTP requests sent per batch, every retry included (the SDK's own as well)", "0.#", 40, MetricAudience.AnyValue,
            c => Mean(c.Invocations.Select(i => i.Attempts).OfType<long>().Select(a => (double)a))),
        new(RateLimited, "Rate-limited (429) answers per batch", "0.#", 41, MetricAudience.AnyValue,
            c => Mean(c.Invocations.Select(i => i.RateLimited).OfType<long>().Select(a => (double)a))),
        new(Failed, "Requests per batch that finally failed after all retries: the batch did not do its work", "0.#", 42, MetricAudience.AnyValue,
            c => Mean(c.Invocations.Where(i => i.Attempts is not null).Select(i => (double)i.Requests.Count(r => !r.Succeeded)))),
    ];

    private static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
