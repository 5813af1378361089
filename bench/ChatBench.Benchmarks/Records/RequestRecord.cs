using System.Text.Json.Serialization;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Records;

/// <summary>
/// One request as a benchmark process saw it. Times are milliseconds since the batch started, on a monotonic clock.
/// Failed requests keep their times but never enter latency statistics.
/// </summary>
public sealed record RequestRecord
{
    public required int Index { get; init; }

    /// <summary>The stub rule that answers the prompt, or the prompt itself for a live target.</summary>
    public required string PromptClass { get; init; }

    /// <summary>The last user message sent, which a recorded latency profile keys prompts by.</summary>
    public string? Prompt { get; init; }

    /// <summary>The conversation's prompt tokens, counted with the gpt-4o family's tokenizer.</summary>
    public int? PromptTokens { get; init; }

    public required double StartMs { get; init; }

    /// <summary>When the first non-empty content chunk arrived (streaming only).</summary>
    public double? FirstTokenMs { get; init; }

    /// <summary>When the last content arrived: the whole answer when not streaming, the last content chunk when streaming.</summary>
    public double? LastTokenMs { get; init; }

    /// <summary>When the call returned: the response, the end of the stream, or the error.</summary>
    public required double EndMs { get; init; }

    /// <summary>Output tokens as the server's <c>usage</c> reports them, never counted from chunks.</summary>
    public int? OutputTokens { get; init; }

    public required RequestOutcome Outcome { get; init; }

    /// <summary>The stub's planned time to first token for this request (stub targets only).</summary>
    public double? ExpectedTtftMs { get; init; }

    /// <summary>The stub's planned time for the whole answer (stub targets only).</summary>
    public double? ExpectedTotalMs { get; init; }

    /// <summary>Times between consecutive content chunks (streaming only).</summary>
    public IReadOnlyList<double>? ChunkGapsMs { get; init; }

    /// <summary>Open loop: actual minus scheduled send. <see cref="StartMs"/> is then the scheduled send, so latency counts the lag.</summary>
    public double? SendLagMs { get; init; }

    /// <summary>Open loop on a stub with finite capacity: how long the stub says the request queued for a slot.</summary>
    public double? StubQueueMs { get; init; }

    /// <summary>Conversations: the session the request is a turn of.</summary>
    public string? Session { get; init; }

    /// <summary>Conversations: which turn of its session, from 0.</summary>
    public int? Turn { get; init; }

    /// <summary>Prompt tokens as the server's <c>usage</c> reported them (<see cref="PromptTokens"/> is the tokenizer's count), when it said.</summary>
    public int? ReportedPromptTokens { get; init; }

    /// <summary>Prompt tokens the server answered from its prefix cache (<c>usage.prompt_tokens_details.cached_tokens</c>), when it said.</summary>
    public int? CachedTokens { get; init; }

    /// <summary>Where the time beyond the plan went, for the overhead benchmark only.</summary>
    public RequestTiming? Timing { get; init; }

    [JsonIgnore]
    public bool Succeeded => Outcome.Succeeded;

    [JsonIgnore]
    public double LatencyMs => EndMs - StartMs;

    /// <summary>Time to first token: start to the first non-empty content, when one arrived.</summary>
    [JsonIgnore]
    public double? TtftMs => FirstTokenMs - StartMs;

    /// <summary>End to end: start to the last content (the whole answer when not streaming, or the error).</summary>
    [JsonIgnore]
    public double E2EMs => (LastTokenMs ?? EndMs) - StartMs;
}
