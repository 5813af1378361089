namespace ChatBench.Stubs;

/// <summary>
/// The chat requests a <see cref="ChatStub"/> has seen, by outcome, at one moment. Every received request ends as one
/// of the outcomes or is still <see cref="InFlight"/>.
/// </summary>
public sealed record StubCounters
{
    /// <summary>Chat requests that reached the stub.</summary>
    public long Received { get; init; }

    /// <summary>Requests answered in full (200, streamed or not).</summary>
    public long Answered { get; init; }

    /// <summary>Requests refused with 429 over <see cref="Faults.StubFaults.MaxConcurrency"/>.</summary>
    public long RateLimited { get; init; }

    /// <summary>Requests answered 500 by <see cref="Faults.StubFaults.ErrorRate"/> (or another 5xx).</summary>
    public long ServerErrors { get; init; }

    /// <summary>Requests refused with 400: malformed JSON, missing messages, a prompt over the context window.</summary>
    public long BadRequests { get; init; }

    /// <summary>Requests refused with 401: a missing or wrong API key when <see cref="Faults.StubFaults.ApiKey"/> is set.</summary>
    public long Unauthorized { get; init; }

    /// <summary>Requests refused with 404 for a model the stub does not serve.</summary>
    public long UnknownModels { get; init; }

    /// <summary>Requests refused with 413: a body over <see cref="StubOptions.MaxBodyBytes"/>.</summary>
    public long TooLarge { get; init; }

    /// <summary>Requests held by <see cref="Faults.StubFaults.StallBeforeFirstByte"/>.</summary>
    public long Stalled { get; init; }

    /// <summary>Streams cut by <see cref="Faults.StubFaults.CutStreamAfterEvents"/>.</summary>
    public long Cut { get; init; }

    /// <summary>Requests whose client went away before the answer was complete (a client timeout, a cancellation).</summary>
    public long Abandoned { get; init; }

    /// <summary>Requests being served now.</summary>
    public int InFlight { get; init; }

    /// <summary>The most requests served at once so far.</summary>
    public int PeakInFlight { get; init; }

    internal static StubCounters Of(StubStatistics statistics) => new()
    {
        Received = statistics.Received,
        Answered = statistics.Succeeded,
        RateLimited = statistics.RateLimited,
        ServerErrors = statistics.ServerErrors,
        BadRequests = statistics.BadRequests,
        Unauthorized = statistics.Unauthorized,
        UnknownModels = statistics.UnknownModels,
        TooLarge = statistics.TooLarge,
        Stalled = statistics.Stalled,
        Cut = statistics.Cut,
        Abandoned = statistics.Abandoned,
        InFlight = statistics.InFlight,
        PeakInFlight = statistics.PeakInFlight,
    };
}
