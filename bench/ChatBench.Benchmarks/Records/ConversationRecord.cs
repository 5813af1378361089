namespace ChatBench.Benchmarks.Records;

/// <summary>
/// One invocation of a sweep over concurrent users: how many users held conversations at once, and the SLO limits its
/// turns are judged by (milliseconds, already scaled on the stub).
/// </summary>
public sealed record ConversationRecord(int Users)
{
    public double? SloTtftMs { get; init; }

    public double? SloItlMs { get; init; }

    public double? SloE2EMs { get; init; }
}
