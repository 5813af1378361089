namespace ChatBench.Stubs.Faults;

/// <summary>Failures the stub can inject, all off by default. Each stub instance has its own.</summary>
public sealed record StubFaults
{
    /// <summary>No faults: every valid request is answered.</summary>
    public static StubFaults None { get; } = new();

    /// <summary>When set, requests without <c>Authorization: Bearer {ApiKey}</c> get 401.</summary>
    public string? ApiKey { get; init; }

    /// <summary>When set, a request arriving while this many are in flight gets 429 with <c>Retry-After</c>.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>What a 429 tells the client to wait; when unset, one second times the profile's time scale.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Probability in [0, 1] that a request gets 500, drawn from the stub's seed per request in arrival order.</summary>
    public double ErrorRate { get; init; }

    /// <summary>When set, the stub holds every chat request this long before sending a byte (for client timeouts).</summary>
    public TimeSpan? StallBeforeFirstByte { get; init; }

    /// <summary>When set, a stream is cut (the connection aborted) after this many events, the role event included.</summary>
    public int? CutStreamAfterEvents { get; init; }

    internal void Validate()
    {
        if (ApiKey is { Length: 0 })
        {
            throw new ArgumentException("The required API key must not be empty.");
        }

        if (MaxConcurrency is < 1)
        {
            throw new ArgumentException($"Max concurrency must be at least 1, not {MaxConcurrency}.");
        }

        if (RetryAfter is { } retryAfter && retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"Retry-After must not be negative, not {retryAfter}.");
        }

        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            throw new ArgumentException($"Error rate must be a probability in [0, 1], not {ErrorRate}.");
        }

        if (StallBeforeFirstByte is { } stall && stall <= TimeSpan.Zero)
        {
            throw new ArgumentException($"A stall must be a positive duration, not {stall}.");
        }

        if (CutStreamAfterEvents is < 1)
        {
            throw new ArgumentException($"A stream can be cut after 1 event or more, not {CutStreamAfterEvents}.");
        }
    }
}
