namespace ChatBench.Benchmarks.Scenarios;

/// <summary>One request of a workload: the question and the <c>seed</c> that varies the stub's jitter between copies.</summary>
public sealed record ChatPrompt(string Text, long Seed);
