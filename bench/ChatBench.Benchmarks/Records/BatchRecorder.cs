using System.Diagnostics;
using ChatBench.Benchmarks.Progress;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Records;

/// <summary>
/// Collects the records of one batch. Thread-safe for concurrent requests: each writes its own slot. Completing the
/// batch checks every answer, so a failed request fails the benchmark instead of showing up as a fast result.
/// </summary>
public sealed class BatchRecorder
{
    private readonly RecordLog log;
    private readonly int invocation;
    private readonly RequestRecord?[] records;
    private readonly double maxErrorRate;
    private readonly long start = Stopwatch.GetTimestamp();

    // Environment.CpuUsage is a cheap system call without allocation, so it can bracket every batch.
    private readonly TimeSpan cpuAtStart = Environment.CpuUsage.TotalTime;
    private ThreadPoolSampler? threadPool;
    private RuntimeCounters? runtimeAtStart;

    internal BatchRecorder(RecordLog log, int invocation, int requests, double maxErrorRate)
    {
        this.log = log;
        this.invocation = invocation;
        this.maxErrorRate = maxErrorRate;
        records = new RequestRecord?[requests];
    }

    /// <summary>Milliseconds since the batch started.</summary>
    public double Now() => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    /// <summary>The <see cref="Stopwatch"/> timestamp of batch time <paramref name="ms"/>.</summary>
    public long Timestamp(double ms) => start + (long)(ms * Stopwatch.Frequency / 1000);

    /// <summary>Milliseconds from the batch's start to a <see cref="Stopwatch"/> timestamp.</summary>
    public double At(long timestamp) => Stopwatch.GetElapsedTime(start, timestamp).TotalMilliseconds;

    /// <summary>Set by benchmarks that measure a separate server process's CPU time over the batch.</summary>
    public double? ServerCpuMs { get; set; }

    /// <summary>Set by benchmarks that count the client's HTTP attempts (retries included) and 429s over the batch.</summary>
    public (long Attempts, long RateLimited)? AttemptCounts { get; set; }

    /// <summary>Set by open-loop benchmarks: the rate offered and the SLO judged by.</summary>
    public OpenLoopRecord? OpenLoop { get; set; }

    /// <summary>Set by sweeps over concurrent users: the users and the SLO judged by.</summary>
    public ConversationRecord? Conversation { get; set; }

    /// <summary>Records the thread pool's peak size and queue over the rest of the batch.</summary>
    public void SampleThreadPool() => threadPool ??= ThreadPoolSampler.Start();

    /// <summary>Records the batch's collections, GC pauses, allocation and JIT compilation, and the working set at its end.</summary>
    public void SampleRuntime() => runtimeAtStart ??= RuntimeCounters.Take();

    /// <summary>The record of request <paramref name="index"/> so far, for a benchmark that adds to it.</summary>
    public RequestRecord? this[int index] => records[index];

    public void Add(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var first = records[record.Index] is null;
        records[record.Index] = record;

        // A benchmark may add to a request's record later: the request finished once.
        if (first)
        {
            ProgressCounters.Current?.Count(record.Outcome);
        }
    }

    /// <summary>The records added so far, in request order.</summary>
    public IReadOnlyList<RequestRecord> Snapshot() => records.OfType<RequestRecord>().ToList();

    /// <summary>
    /// Hands the batch to the log; throws when more of its requests failed (or never reported) than the run's error
    /// budget allows. Within it, the failures are recorded and reported per kind, as a live provider's occasional errors should be.
    /// </summary>
    public void Complete()
    {
        var failed = records.Count(r => r is not { Succeeded: true });
        Complete(failuresAreTheResult: failed <= maxErrorRate * records.Length);
    }

    /// <summary>
    /// Hands the batch to the log. With <paramref name="failuresAreTheResult"/>, requests that finally failed are
    /// recorded and reported (a Failed column) instead of failing the benchmark: for benchmarks whose question is how
    /// many requests a policy loses, such as the rate-limit ones.
    /// </summary>
    public void Complete(bool failuresAreTheResult)
    {
        var cpuMs = (Environment.CpuUsage.TotalTime - cpuAtStart).TotalMilliseconds;
        var runtime = runtimeAtStart is { } atStart ? RuntimeCounters.Take().Since(atStart) : (RuntimeCounters?)null;
        threadPool?.Dispose();
        var complete = new RequestRecord[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i] is { } record)
            {
                complete[i] = record;
                continue;
            }

            // Kept in the batch too, so a request that reports after all counts once.
            records[i] = complete[i] = new RequestRecord
            {
                Index = i,
                PromptClass = "unknown",
                StartMs = 0,
                EndMs = Now(),
                Outcome = RequestOutcome.NotCompleted,
            };
            ProgressCounters.Current?.Count(RequestOutcome.NotCompleted);
        }

        log.Complete(new InvocationRecord(invocation, complete)
        {
            ServerCpuMs = ServerCpuMs,
            Attempts = AttemptCounts?.Attempts,
            RateLimited = AttemptCounts?.RateLimited,
            ClientCpuMs = cpuMs,
            PeakThreadPoolThreads = threadPool?.PeakThreads,
            PeakPendingWorkItems = threadPool?.PeakPendingWorkItems,
            Collections = runtime?.Collections,
            Gen1Collections = runtime?.Gen1Collections,
            Gen2Collections = runtime?.Gen2Collections,
            GcPauseMs = runtime?.Paused.TotalMilliseconds,
            AllocatedBytes = runtime?.Allocated,
            JitMethods = runtime?.JitMethods,
            JitMs = runtime?.JitTime.TotalMilliseconds,
            WorkingSetMb = runtime is null ? null : Environment.WorkingSet / (1024.0 * 1024.0),
            OpenLoop = OpenLoop,
            Conversation = Conversation,
        });
        var failed = complete.Where(r => !r.Succeeded).ToList();
        if (failed.Count > 0 && !failuresAreTheResult)
        {
            var kinds = string.Join(", ", failed.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} x {g.Key}"));
            throw new InvalidOperationException($"{failed.Count} of {complete.Length} requests failed ({kinds}); a failed request fails the benchmark.");
        }
    }
}
