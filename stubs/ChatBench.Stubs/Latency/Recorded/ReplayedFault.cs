namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>
/// A recorded kind of failure a replayed request gets instead of its answer (<see cref="ErrorKinds"/>): a 429 or a 500
/// at once, a timeout (nothing sent, then the connection dropped <see cref="After"/> the start), or a stream cut after
/// <see cref="CutAfterEvents"/> events.
/// </summary>
public sealed record ReplayedFault(string Kind, TimeSpan After, int CutAfterEvents);
