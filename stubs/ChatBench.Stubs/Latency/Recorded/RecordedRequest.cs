namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>
/// One recorded request's latencies together, so a replay keeps how they combine into end-to-end time.
/// <paramref name="CachedTokens"/>: the prompt tokens the provider said it answered from its cache, null when it did not
/// say (a replay then takes none as cached, as profiles recorded before cached tokens were kept do).
/// </summary>
public sealed record RecordedRequest(double TtftMs, double ItlMs, int OutputTokens, int? CachedTokens = null);
