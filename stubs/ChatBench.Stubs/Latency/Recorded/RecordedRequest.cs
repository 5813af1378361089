namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>One recorded request's latencies together, so a replay keeps how they combine into end-to-end time.</summary>
public sealed record RecordedRequest(double TtftMs, double ItlMs, int OutputTokens);
