namespace ChatBench.Benchmarks.Scenarios;

/// <summary>How many requests one call of a benchmark method sends, for a live run's plan and budget.</summary>
public interface ISendsRequests
{
    /// <summary>Requests per invocation, with the benchmark's parameters already set.</summary>
    int RequestsPerInvocation { get; }

    /// <summary>Output tokens one invocation asks for, roughly, for the plan's token estimate.</summary>
    int EstimatedOutputTokensPerInvocation { get; }
}
