using System.Text;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// Uniform draws that depend only on (seed, prompt, request seed), never on arrival order, so a client can predict
/// the latency the stub will simulate for a request, and a run can be repeated exactly. (A request without a seed gets
/// one from its prompt's count, <see cref="SeedlessDraws"/>: that one follows the order of requests.)
/// </summary>
internal static class DeterministicJitter
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Key(ulong seed, string prompt, long? requestSeed)
    {
        var hash = FnvOffset ^ seed;
        Span<byte> buffer = stackalloc byte[256];
        var remaining = prompt.AsSpan();
        while (!remaining.IsEmpty)
        {
            var take = Math.Min(remaining.Length, 64);
            var written = Encoding.UTF8.GetBytes(remaining[..take], buffer);
            foreach (var b in buffer[..written])
            {
                hash = (hash ^ b) * FnvPrime;
            }

            remaining = remaining[take..];
        }

        return Mix(hash ^ Mix((ulong)(requestSeed ?? -1)));
    }

    /// <summary>The i-th uniform draw in [0, 1) for a key.</summary>
    public static double Uniform(ulong key, int index) => (Mix(key + ((ulong)index + 1) * 0x9E3779B97F4A7C15) >> 11) * (1.0 / (1UL << 53));

    // SplitMix64 finalizer: a cheap, well-distributed bijection.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
