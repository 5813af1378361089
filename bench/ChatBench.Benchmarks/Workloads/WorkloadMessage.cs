namespace ChatBench.Benchmarks.Workloads;

/// <summary>One chat message of a workload request: <c>system</c>, <c>developer</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record WorkloadMessage(string Role, string Content);
