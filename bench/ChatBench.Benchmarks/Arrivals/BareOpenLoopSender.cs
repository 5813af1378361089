using System.Collections.Concurrent;
using System.Net;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// The least code that keeps an open-loop schedule on this runtime, as a floor for <see cref="OpenLoopGenerator"/>: one
/// dedicated thread that sleeps until each send's time (<see cref="ScheduleClock"/>, as the generator does), takes an
/// idle connection opened before the schedule started and writes the request's pre-built bytes to it; nothing on that
/// path allocates. Responses are read on the thread pool, one loop per connection, which hands the connection back.
/// </summary>
public sealed class BareOpenLoopSender : IDisposable
{
    private readonly BareConnection[] connections;
    private readonly Task[] receiving;
    private readonly ConcurrentQueue<int> idle;
    private Action<int, int, int?> finished = (_, _, _) => { };

    private BareOpenLoopSender(BareConnection[] connections)
    {
        this.connections = connections;
        idle = new ConcurrentQueue<int>(Enumerable.Range(0, connections.Length));
        receiving = connections.Select(c => Task.Run(() => c.ReceiveAsync(Answered))).ToArray();
    }

    /// <summary>Connects <paramref name="count"/> connections to <paramref name="server"/>.</summary>
    public static async Task<BareOpenLoopSender> OpenAsync(EndPoint server, int count) =>
        new(await Task.WhenAll(Enumerable.Range(0, count).Select(i => BareConnection.OpenAsync(server, i))));

    /// <summary>
    /// Sends request <c>i</c> (<paramref name="requests"/>, pre-built) at <paramref name="offsetsMs"/>[i] of
    /// <paramref name="recorder"/>'s time and returns when every answer is in or <paramref name="patience"/> has passed
    /// since the last send. <paramref name="answered"/> gets each request's index, send lag, status and completion tokens.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<double> offsetsMs, IReadOnlyList<byte[]> requests, BatchRecorder recorder, Action<int, double, int, int?> answered, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(offsetsMs);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(requests);
        var lags = new double[offsetsMs.Count];
        var outstanding = offsetsMs.Count;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        finished = (index, status, tokens) =>
        {
            answered(index, Volatile.Read(ref lags[index]), status, tokens);
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                done.TrySetResult();
            }
        };
        if (offsetsMs.Count == 0)
        {
            return;
        }

        var sender = new Thread(() =>
        {
            try
            {
                ScheduleClock.PrepareThread();
                for (var i = 0; i < offsetsMs.Count; i++)
                {
                    ScheduleClock.WaitUntil(recorder.Timestamp(offsetsMs[i]));
                    var connection = connections[TakeIdle()];
                    connection.Current = i;
                    Volatile.Write(ref lags[i], OpenLoopGenerator.Lag(recorder, offsetsMs[i]));
                    connection.Send(requests[i]);
                }

                scheduled.SetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                scheduled.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "ChatBench bare open-loop sender",
        };
        sender.Start();
        await scheduled.Task;
        await Task.WhenAny(done.Task, Task.Delay(patience));
    }

    public void Dispose()
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        Task.WaitAll(receiving.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray());
    }

    /// <summary>
    /// An idle connection's number, taken without a lock: the sending thread runs in the real-time class, and a lock
    /// held by a receiving thread that the stub has pushed off its core would hold the sender up for that thread's wait
    /// (a priority inversion). When all are busy it sleeps a millisecond at a time until one comes back, the wait showing
    /// as send lag; it must not spin, as a real-time thread's yield keeps the core from the loops that hand connections back.
    /// </summary>
    private int TakeIdle()
    {
        int number;
        while (!idle.TryDequeue(out number))
        {
            Thread.Sleep(1);
        }

        return number;
    }

    private void Answered(BareConnection connection, int status, int? tokens)
    {
        var index = connection.Current;
        idle.Enqueue(connection.Number);
        finished(index, status, tokens);
    }
}
