namespace ChatBench.Stubs.Caching;

/// <summary>
/// Whether the stub caches prompt prefixes (<see cref="PrefixCache"/>), how many tokens it holds and how long an unused
/// block lives. The defaults cache, hold a million tokens (7,812 blocks, a few MB) and keep blocks until evicted.
/// </summary>
public sealed record PrefixCacheOptions
{
    /// <summary>A million tokens: 7,812 blocks of 128, a few MB.</summary>
    public const int DefaultCapacityTokens = 1_000_000;

    /// <summary>The cache on, with <see cref="DefaultCapacityTokens"/> and no time to live.</summary>
    public static PrefixCacheOptions Default { get; } = new();

    /// <summary>No cache: every prompt is prefilled whole and reports no cached tokens.</summary>
    public static PrefixCacheOptions Off { get; } = new() { Enabled = false };

    /// <summary>Whether prompts of 1,024 tokens or more have their leading 128-token blocks cached and reported.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The most tokens cached at once, in whole blocks; the least recently used blocks go first.</summary>
    public int CapacityTokens { get; init; } = DefaultCapacityTokens;

    /// <summary>A block unused this long is gone (OpenAI keeps prefixes for minutes); null keeps it until evicted.</summary>
    public TimeSpan? TimeToLive { get; init; }

    internal void Validate()
    {
        if (CapacityTokens < PrefixCache.BlockTokens)
        {
            throw new ArgumentException($"The prefix cache needs room for at least one block of {PrefixCache.BlockTokens} tokens, not {CapacityTokens} tokens.");
        }

        if (TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The prefix cache's time to live must be positive, not {ttl}.");
        }
    }
}
