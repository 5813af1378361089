namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// Uniform draws from a seed and a stream number (SplitMix64), the same on every machine and .NET version, unlike
/// <see cref="Random"/>: two runs with one seed generate the same synthetic text, and so do runs being compared.
/// </summary>
public sealed class SeededDraws(ulong seed, long stream)
{
    private ulong state = Mix(seed ^ Mix(unchecked((ulong)stream)));

    /// <summary>A whole number from <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    public int Between(int low, int high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        state = unchecked(state + 0x9E3779B97F4A7C15);
        return low + (int)(Mix(state) % (ulong)((long)high - low + 1));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
