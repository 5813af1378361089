using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Benchmarks.Records;

/// <summary>One line of a case's server file: the server's view of one invocation, by the invocation's number.</summary>
public sealed record ServerWindowLine(int Invocation, ServerWindow Window);
