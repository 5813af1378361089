namespace ChatBench.Stubs.Outcomes;

/// <summary>How a chat request ended; <see cref="RequestOutcome"/> carries the details each kind needs.</summary>
public enum RequestOutcomeKind
{
    /// <summary>A whole answer arrived and passed the answer check.</summary>
    Answered,

    /// <summary>The request failed: the server answered with an HTTP error status, or the call threw before an answer.</summary>
    Failed,

    /// <summary>The client gave up waiting.</summary>
    Timeout,

    /// <summary>The connection broke or the response ended before the answer was whole.</summary>
    Cut,

    /// <summary>
    /// The connection closed before any response: what a provider that gives up on a request without a status does,
    /// and what the stub replays a recorded timeout as.
    /// </summary>
    Dropped,

    /// <summary>An answer arrived without any text.</summary>
    EmptyAnswer,

    /// <summary>An answer arrived without the server's token usage.</summary>
    NoUsage,

    /// <summary>An answer arrived without a finish reason, or with one the request did not allow.</summary>
    FinishReason,
}
