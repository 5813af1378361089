namespace ChatBench.Stubs;

/// <summary>Lock-free counters of what the stub did: enough to check a benchmark's own counts against.</summary>
internal sealed class StubStatistics
{
    private long received;
    private long succeeded;
    private long badRequests;
    private long unauthorized;
    private long unknownModels;
    private long tooLarge;
    private long rateLimited;
    private long serverErrors;
    private long stalled;
    private long cut;
    private long abandoned;
    private long promptTokens;
    private long cachedTokens;
    private long cacheHits;
    private int inFlight;
    private int peakInFlight;
    private int handling;

    public long Received => Interlocked.Read(ref received);

    public long Succeeded => Interlocked.Read(ref succeeded);

    public long BadRequests => Interlocked.Read(ref badRequests);

    public long Unauthorized => Interlocked.Read(ref unauthorized);

    public long UnknownModels => Interlocked.Read(ref unknownModels);

    public long TooLarge => Interlocked.Read(ref tooLarge);

    public long RateLimited => Interlocked.Read(ref rateLimited);

    public long ServerErrors => Interlocked.Read(ref serverErrors);

    public long Stalled => Interlocked.Read(ref stalled);

    public long Cut => Interlocked.Read(ref cut);

    /// <summary>Requests whose client went away before the answer was complete.</summary>
    public long Abandoned => Interlocked.Read(ref abandoned);

    /// <summary>Prompt tokens of the requests the stub planned an answer for.</summary>
    public long PromptTokens => Interlocked.Read(ref promptTokens);

    /// <summary>Of <see cref="PromptTokens"/>, those the prefix cache held.</summary>
    public long CachedTokens => Interlocked.Read(ref cachedTokens);

    /// <summary>Planned requests with any cached tokens.</summary>
    public long CacheHits => Interlocked.Read(ref cacheHits);

    public int InFlight => Volatile.Read(ref inFlight);

    public int PeakInFlight => Volatile.Read(ref peakInFlight);

    /// <summary>
    /// Requests received whose outcome is not counted yet: from before their body is read to after their last count,
    /// a wider span than <see cref="InFlight"/>, which covers only the answer.
    /// </summary>
    public int Handling => Volatile.Read(ref handling);

    internal void Received1() => Interlocked.Increment(ref received);

    /// <summary>Counts a request in, received and being handled; <see cref="Ended"/> once its outcome is counted.</summary>
    internal void Began()
    {
        Interlocked.Increment(ref received);
        Interlocked.Increment(ref handling);
    }

    internal void Ended() => Interlocked.Decrement(ref handling);

    internal void Succeeded1() => Interlocked.Increment(ref succeeded);

    internal void Stalled1() => Interlocked.Increment(ref stalled);

    internal void Cut1() => Interlocked.Increment(ref cut);

    internal void Abandoned1() => Interlocked.Increment(ref abandoned);

    internal void Prompted(int prompt, int cached)
    {
        Interlocked.Add(ref promptTokens, prompt);
        if (cached > 0)
        {
            Interlocked.Add(ref cachedTokens, cached);
            Interlocked.Increment(ref cacheHits);
        }
    }

    internal void Rejected(int status)
    {
        switch (status)
        {
            case 400: Interlocked.Increment(ref badRequests); break;
            case 401: Interlocked.Increment(ref unauthorized); break;
            case 404: Interlocked.Increment(ref unknownModels); break;
            case 413: Interlocked.Increment(ref tooLarge); break;
            case 429: Interlocked.Increment(ref rateLimited); break;
            default: Interlocked.Increment(ref serverErrors); break;
        }
    }

    /// <summary>Counts a request in; returns how many are now in flight.</summary>
    internal int Enter()
    {
        var now = Interlocked.Increment(ref inFlight);
        var peak = Volatile.Read(ref peakInFlight);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }

        return now;
    }

    internal void Leave() => Interlocked.Decrement(ref inFlight);
}
