using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Harness;

/// <summary>How many requests a benchmark case sends to the run's target, for the plan and a live run's budget.</summary>
public interface ISendsRequests
{
    /// <summary>The budget of the case that runs <paramref name="method"/>, with the benchmark's parameters already set.</summary>
    RequestBudget Budget(RunSettings settings, string method);
}
