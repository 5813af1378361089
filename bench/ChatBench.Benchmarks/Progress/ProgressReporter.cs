using System.Diagnostics;

namespace ChatBench.Benchmarks.Progress;

/// <summary>
/// The host's side of a live run's progress: every <see cref="Interval"/> (never more often) it reads the benchmark
/// processes' counters and prints a <see cref="ProgressLine"/>, once a request has finished; <see cref="Finish"/> gives
/// the last line, read after every benchmark process ended. The benchmark processes only count.
/// </summary>
public sealed class ProgressReporter : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly string directory;
    private readonly long plannedRequests;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private readonly Task printing;

    private ProgressReporter(string directory, long plannedRequests, Action<string> print)
    {
        this.directory = directory;
        this.plannedRequests = plannedRequests;
        printing = PrintAsync(print);
    }

    /// <summary>Starts printing the progress of the processes that count in <paramref name="directory"/> through <paramref name="print"/>.</summary>
    public static ProgressReporter Start(string directory, long plannedRequests, Action<string> print)
    {
        ArgumentNullException.ThrowIfNull(print);
        return new ProgressReporter(directory, plannedRequests, print);
    }

    /// <summary>Stops the lines and returns the last one.</summary>
    public string Finish()
    {
        Stop();
        return ProgressLine.Done(ProgressSnapshot.Read(directory), plannedRequests, clock.Elapsed);
    }

    public void Dispose()
    {
        Stop();
        stop.Dispose();
    }

    private void Stop()
    {
        if (!stop.IsCancellationRequested)
        {
            stop.Cancel();
            printing.GetAwaiter().GetResult();
        }
    }

    // A wait after each line, not a periodic timer: a late line never brings the next one closer than the interval.
    private async Task PrintAsync(Action<string> print)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, stop.Token);
                var progress = ProgressSnapshot.Read(directory);
                // From the moment a benchmark process counts (before its first request), so a run whose first requests hang still speaks.
                if (progress.Finished > 0 || ProgressCounters.FilesIn(directory).Any())
                {
                    print(ProgressLine.During(progress, plannedRequests, clock.Elapsed));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Finished or disposed.
        }
    }
}
