namespace ChatBench.Stubs.Capacity;

/// <summary>
/// K slots taken in strict arrival order: a request that finds them all busy waits in a FIFO queue until one frees.
/// Entering returns how many sequences are active with it, for the decode slowdown.
/// </summary>
internal sealed class SlotQueue(int slots)
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource<int>> waiting = new();
    private int active;

    public int Active
    {
        get
        {
            lock (gate)
            {
                return active;
            }
        }
    }

    public async ValueTask<int> EnterAsync(CancellationToken cancellation)
    {
        TaskCompletionSource<int> wait;
        lock (gate)
        {
            if (active < slots && waiting.Count == 0)
            {
                return ++active;
            }

            wait = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Enqueue(wait);
        }

        // A request whose client left gives up its place; Leave skips it.
        await using var registration = cancellation.UnsafeRegister(static (state, token) => ((TaskCompletionSource<int>)state!).TrySetCanceled(token), wait);
        return await wait.Task.ConfigureAwait(false);
    }

    /// <summary>Frees a slot: the longest-waiting live request takes it at once, with the same number active.</summary>
    public void Leave()
    {
        lock (gate)
        {
            while (waiting.TryDequeue(out var next))
            {
                if (next.TrySetResult(active))
                {
                    return;
                }
            }

            active--;
        }
    }
}
