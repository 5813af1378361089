namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>
/// The kinds of failure a profile records and a replay can inject; a request's outcome names its kind
/// (<see cref="Outcomes.RequestOutcome.ErrorKind"/>).
/// </summary>
internal static class ErrorKinds
{
    public const string RateLimited = "429";
    public const string ServerError = "5xx";

    /// <summary>The client gave up waiting, the server answered 408 or 504, or the connection closed before any response.</summary>
    public const string Timeout = "timeout";

    /// <summary>A stream that broke or ended without its answer (no usage, no finish reason, a connection reset mid-answer).</summary>
    public const string Cut = "cut";

    /// <summary>Any other failure (another 4xx, a refused connection, an answer filtered by the provider, for example): recorded, not replayed.</summary>
    public const string Other = "other";
}
