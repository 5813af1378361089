using System.Numerics;

namespace ChatBench.Stubs.Caching;

/// <summary>
/// Cuts a prompt's token stream into <see cref="PrefixCache.BlockTokens"/>-token blocks and keys each whole block by a
/// 64-bit hash chained from the previous block's key, as vLLM's automatic prefix caching does: two prompts share a
/// block's key only when every token up to the block's end is the same. A trailing partial block gets no key.
/// </summary>
internal sealed class PromptBlockHasher
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private readonly List<ulong> keys = [];
    private ulong state = Offset;
    private int inBlock;

    /// <summary>Every token added so far: the prompt's token count once the whole prompt is in.</summary>
    public int Tokens { get; private set; }

    public void Add(int token)
    {
        // FNV-1a over whole tokens, rotated so that high bits reach the low ones too.
        state = BitOperations.RotateLeft((state ^ (uint)token) * Prime, 31);
        Tokens++;
        if (++inBlock == PrefixCache.BlockTokens)
        {
            var key = Finish(state);
            keys.Add(key);

            // The next block starts from this key: the chain that makes a key stand for the whole prefix.
            state = key ^ Offset;
            inBlock = 0;
        }
    }

    public void Add(IReadOnlyList<int> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            Add(tokens[i]);
        }
    }

    /// <summary>The keys of the whole blocks, in prompt order.</summary>
    public ulong[] Blocks() => [.. keys];

    // SplitMix64's finalizer: every input bit moves about half the output bits.
    private static ulong Finish(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
