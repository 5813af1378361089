using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// The request seed a request without a <c>seed</c> field is planned with, so that repeats of a prompt from clients that
/// send none (every SDK by default, load tests) spread as the latency model or the recorded profile does instead of all
/// replaying one draw. Per prompt, in the order the stub plans them: the first keeps the seedless plan
/// (<see cref="ChatCompletionsStub.Expect"/> with no request seed), the k-th after it is planned as a request with
/// <c>seed</c> k. A request with a <c>seed</c> never reaches this. One counter per prompt: an interlocked add after a
/// lock-free dictionary lookup (the count, which takes every lock, is read only for a prompt not seen yet). The counters of at most <see cref="MaxPrompts"/> prompts are kept; past that they all start over.
/// </summary>
internal sealed class SeedlessDraws
{
    public const int MaxPrompts = 65_536;

    private readonly ConcurrentDictionary<string, StrongBox<long>> counters = new(StringComparer.Ordinal);

    /// <summary>The request seed for the next seedless request of <paramref name="prompt"/>: null for its first, then 1, 2, ...</summary>
    public long? Next(string prompt)
    {
        if (!counters.TryGetValue(prompt, out var counter))
        {
            if (counters.Count >= MaxPrompts)
            {
                counters.Clear();
            }

            counter = counters.GetOrAdd(prompt, static _ => new StrongBox<long>());
        }

        var order = Interlocked.Increment(ref counter.Value) - 1;
        return order == 0 ? null : order;
    }
}
