namespace ChatBench.Stubs.Caching;

/// <summary>
/// The stub's prompt cache, modelled on OpenAI's prompt caching and vLLM's automatic prefix caching: a prompt of at
/// least <see cref="MinimumPromptTokens"/> tokens finds how many of its leading blocks (chained hashes, see
/// <see cref="PromptBlockHasher"/>) are cached, reports them as cached tokens in 128-token steps from 1,024 up, and
/// then caches all of its whole blocks. Eviction is least recently used over blocks, with a capacity in tokens; a
/// request's first block is its most recent, so a conversation loses its tail before its head, as vLLM evicts. An optional time to live drops blocks unused for that long. One lock guards it all: a request holds it for
/// one dictionary probe and one list move per block.
/// Cost per request, one thread (shared two-core machine, 3 runs): lookup and insert of a prompt whose blocks are all
/// cached 1.0-1.2 us at 2,000 tokens and 4.4-4.7 us at 8,000; of one that misses every block (evicting as many) 1.2 us
/// and 11.2-11.8 us. Reading the request, its prompt tokenized once into both its count and its keys, took
/// 0.33-0.50 ms at either size, the same as counting alone: the tokenizer is the cost, not the cache. Measured by
/// <c>tests/ChatBench.Tests/bin/Debug/net10.0/ChatBench.Tests -class ChatBench.Tests.Stubs.PrefixCacheCostTests -showLiveOutput</c>.
/// </summary>
internal sealed class PrefixCache
{
    public const int BlockTokens = 128;

    public const int MinimumPromptTokens = 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<ulong, LinkedListNode<Block>> blocks = [];

    // First: the most recently used block; last: the next to go.
    private readonly LinkedList<Block> recency = new();
    private readonly int capacityBlocks;
    private readonly long? timeToLive;
    private readonly TimeProvider time;

    public PrefixCache(PrefixCacheOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.time = time ?? TimeProvider.System;
        capacityBlocks = options.CapacityTokens / BlockTokens;
        timeToLive = options.TimeToLive is { } ttl ? (long)Math.Ceiling(ttl.TotalSeconds * this.time.TimestampFrequency) : null;
    }

    /// <summary>Blocks cached now (expired ones included until a request clears them).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return blocks.Count;
            }
        }
    }

    /// <summary>
    /// The cached tokens of a prompt of <paramref name="promptTokens"/> tokens whose whole blocks have the keys
    /// <paramref name="keys"/>, then caches those blocks. At least one token is always computed (as vLLM recomputes
    /// the last one), and fewer than 1,024 matched tokens report none, as OpenAI reports.
    /// </summary>
    public int Admit(ReadOnlySpan<ulong> keys, int promptTokens)
    {
        if (promptTokens < MinimumPromptTokens || keys.IsEmpty)
        {
            return 0;
        }

        var matched = 0;
        lock (gate)
        {
            // Read inside the lock, so that use times grow along the recency list and expiry trims only its tail.
            var now = time.GetTimestamp();
            DropExpired(now);
            while (matched < keys.Length && blocks.ContainsKey(keys[matched]))
            {
                matched++;
            }

            Place(keys, matched, now);
        }

        var cached = Math.Min(matched, (promptTokens - 1) / BlockTokens) * BlockTokens;
        return cached >= MinimumPromptTokens ? cached : 0;
    }

    /// <summary>
    /// Puts the prompt's blocks at the front in prompt order, the first one frontmost: the matched ones moved first, so
    /// that making room for the rest never evicts them. A prompt longer than the cache keeps only its leading blocks.
    /// </summary>
    private void Place(ReadOnlySpan<ulong> keys, int matched, long now)
    {
        LinkedListNode<Block>? anchor = null;
        for (var i = matched - 1; i >= 0; i--)
        {
            var node = blocks[keys[i]];
            recency.Remove(node);
            node.ValueRef.LastUsed = now;
            recency.AddFirst(node);
            anchor ??= node;
        }

        for (var i = Math.Min(keys.Length, capacityBlocks) - 1; i >= matched; i--)
        {
            var node = Take(keys[i], now);
            if (anchor is null)
            {
                recency.AddFirst(node);
            }
            else
            {
                recency.AddAfter(anchor, node);
            }
        }
    }

    /// <summary>The block's node, out of the list: its own if cached, else a new one or the least recently used one's.</summary>
    private LinkedListNode<Block> Take(ulong key, long now)
    {
        if (blocks.TryGetValue(key, out var node))
        {
            recency.Remove(node);
            node.ValueRef.LastUsed = now;
            return node;
        }

        if (blocks.Count >= capacityBlocks)
        {
            node = recency.Last!;
            recency.RemoveLast();
            blocks.Remove(node.Value.Key);
            node.Value = new Block(key, now);
        }
        else
        {
            node = new LinkedListNode<Block>(new Block(key, now));
        }

        blocks[key] = node;
        return node;
    }

    private void DropExpired(long now)
    {
        if (timeToLive is not { } ttl)
        {
            return;
        }

        while (recency.Last is { } oldest && now - oldest.Value.LastUsed >= ttl)
        {
            recency.RemoveLast();
            blocks.Remove(oldest.Value.Key);
        }
    }

    private record struct Block(ulong Key, long LastUsed);
}
