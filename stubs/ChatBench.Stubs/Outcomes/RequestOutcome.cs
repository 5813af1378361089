using System.Globalization;
using System.Text.Json.Serialization;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Stubs.Outcomes;

/// <summary>
/// How one chat request ended, as the harness records it and a recorded latency profile counts it. The harness and the
/// stub share this type so that a failure's kind is decided where the failure is seen, never read back from its words.
/// </summary>
[JsonConverter(typeof(RequestOutcomeJsonConverter))]
public sealed record RequestOutcome
{
    private RequestOutcome(RequestOutcomeKind kind, int? status = null, string? cause = null, string? finishReason = null)
    {
        Kind = kind;
        Status = status;
        Cause = cause;
        FinishReason = finishReason;
    }

    internal static RequestOutcome Answered { get; } = new(RequestOutcomeKind.Answered);

    internal static RequestOutcome TimedOut { get; } = new(RequestOutcomeKind.Timeout);

    internal static RequestOutcome EmptyAnswer { get; } = new(RequestOutcomeKind.EmptyAnswer);

    internal static RequestOutcome NoUsage { get; } = new(RequestOutcomeKind.NoUsage);

    internal static RequestOutcome NoFinishReason { get; } = new(RequestOutcomeKind.FinishReason);

    /// <summary>A request the benchmark never heard back from.</summary>
    internal static RequestOutcome NotCompleted { get; } = new(RequestOutcomeKind.Failed, cause: "not completed");

    /// <summary>How the request ended: answered, failed, timed out, cut...</summary>
    public RequestOutcomeKind Kind { get; }

    /// <summary>The HTTP status of a request the server refused (<see cref="RequestOutcomeKind.Failed"/>).</summary>
    public int? Status { get; }

    /// <summary>What broke, for a failure without a status, a cut or a drop: <c>socket ConnectionReset</c>, an exception's type name.</summary>
    public string? Cause { get; }

    /// <summary>The finish reason of an answer that ended for a reason the request did not allow (null: it had none).</summary>
    public string? FinishReason { get; }

    /// <summary>True for a complete answer.</summary>
    public bool Succeeded => Kind == RequestOutcomeKind.Answered;

    /// <summary>The kind a recorded latency profile counts this failure as (<see cref="ErrorKinds"/>); null for an answer.</summary>
    public string? ErrorKind => Kind switch
    {
        RequestOutcomeKind.Answered => null,
        RequestOutcomeKind.Failed => Status switch
        {
            429 => ErrorKinds.RateLimited,

            // A request or gateway timeout comes back after the time the provider waited, as a replayed timeout does.
            408 or 504 => ErrorKinds.Timeout,
            >= 500 => ErrorKinds.ServerError,
            _ => ErrorKinds.Other,
        },
        RequestOutcomeKind.Timeout or RequestOutcomeKind.Dropped => ErrorKinds.Timeout,
        RequestOutcomeKind.FinishReason when FinishReason is not null => ErrorKinds.Other,
        _ => ErrorKinds.Cut,
    };

    internal static RequestOutcome HttpStatus(int status) => new(RequestOutcomeKind.Failed, status: status);

    /// <summary>An HTTP error whose body named its OpenAI error code (e.g. <c>context_length_exceeded</c>), counted apart from others of its status.</summary>
    internal static RequestOutcome HttpStatus(int status, string? code) => new(RequestOutcomeKind.Failed, status: status, cause: code);

    /// <summary>A call that failed without an answer or a status: a refused connection, an exception the client did not expect.</summary>
    internal static RequestOutcome Failed(string cause) => new(RequestOutcomeKind.Failed, cause: cause);

    internal static RequestOutcome Cut(string cause) => new(RequestOutcomeKind.Cut, cause: cause);

    internal static RequestOutcome Dropped(string cause) => new(RequestOutcomeKind.Dropped, cause: cause);

    internal static RequestOutcome Finished(string finishReason) => new(RequestOutcomeKind.FinishReason, finishReason: finishReason);

    /// <summary>The words reports and failure messages show: <c>ok</c>, <c>http 429</c>, <c>timeout</c>, <c>no usage</c>...</summary>
    public override string ToString() => Kind switch
    {
        RequestOutcomeKind.Answered => "ok",
        RequestOutcomeKind.Failed when Status is { } status => Cause is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"http {status} {code}")
            : string.Create(CultureInfo.InvariantCulture, $"http {status}"),
        RequestOutcomeKind.Timeout => "timeout",
        RequestOutcomeKind.EmptyAnswer => "empty answer",
        RequestOutcomeKind.NoUsage => "no usage",
        RequestOutcomeKind.FinishReason => FinishReason is null ? "no finish_reason" : $"finish_reason {FinishReason}",
        _ => Cause ?? Kind.ToString(),
    };
}
