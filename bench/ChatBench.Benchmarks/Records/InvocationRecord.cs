namespace ChatBench.Benchmarks.Records;

/// <summary>Every request of one call of a benchmark method, numbered in the order the process made the calls.</summary>
public sealed record InvocationRecord(int Invocation, IReadOnlyList<RequestRecord> Requests);
