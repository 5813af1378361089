namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>One kind of failure: how many, their share of all requests, and the median time until the request failed.</summary>
public sealed record RecordedErrorKind(int Count, double Rate, double MedianMsToFailure);
