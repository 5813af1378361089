namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// One turn of a <see cref="ChatSession"/>: what the user says, an optional output cap, and how long the user thinks
/// after the previous turn's answer before sending this one (zero for a session's first turn).
/// </summary>
public sealed record SessionTurn(string User, int? MaxTokens, TimeSpan ThinkTime);
