using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Benchmarks.Records;

/// <summary>Every request of one call of a benchmark method, numbered in the order the process made the calls, and what the batch cost.</summary>
public sealed record InvocationRecord(int Invocation, IReadOnlyList<RequestRecord> Requests) : BatchFigures
{
    /// <summary>What an open-loop invocation offered and judged its requests by.</summary>
    public OpenLoopRecord? OpenLoop { get; init; }

    /// <summary>What an invocation of a sweep over concurrent users held and judged its turns by.</summary>
    public ConversationRecord? Conversation { get; init; }

    /// <summary>What the server counted during the invocation, when the target serves <c>/metrics</c>.</summary>
    public ServerWindow? Server { get; init; }
}
