namespace ChatBench.Benchmarks.Records;

/// <summary>
/// Samples the thread pool's size and queue every 10 ms while a batch runs, keeping the peaks. It runs on a dedicated
/// thread, not a pool thread or timer, so it keeps sampling when the pool itself is starved; 10 ms is fine enough for
/// queues that build up over hundreds of milliseconds and cheap enough (about 1 ms of CPU a second) to leave the
/// client's CPU time per request alone.
/// </summary>
public sealed class ThreadPoolSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Thread thread;
    private volatile bool stopping;
    private int peakThreads;
    private long peakPending;

    private ThreadPoolSampler()
    {
        Sample();
        thread = new Thread(Run) { IsBackground = true, Name = "ChatBench thread-pool sampler" };
        thread.Start();
    }

    /// <summary>The most pool threads seen at once.</summary>
    public int PeakThreads => Volatile.Read(ref peakThreads);

    /// <summary>The longest queue of work items waiting for a pool thread.</summary>
    public long PeakPendingWorkItems => Interlocked.Read(ref peakPending);

    public static ThreadPoolSampler Start() => new();

    /// <summary>Stops sampling after one last sample; the peaks stay readable.</summary>
    public void Dispose()
    {
        if (stopping)
        {
            return;
        }

        stopping = true;
        thread.Join();
        Sample();
    }

    private void Run()
    {
        while (!stopping)
        {
            Sample();
            Thread.Sleep(Interval);
        }
    }

    private void Sample()
    {
        var threads = ThreadPool.ThreadCount;
        if (threads > peakThreads)
        {
            Volatile.Write(ref peakThreads, threads);
        }

        var pending = ThreadPool.PendingWorkItemCount;
        if (pending > peakPending)
        {
            Interlocked.Exchange(ref peakPending, pending);
        }
    }
}
