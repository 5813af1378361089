using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Calls;

/// <summary>One client path: sends a prompt and adds its timed, checked record to the batch.</summary>
public interface IChatCall
{
    /// <summary>Never throws for a failed request: the failure is the record's outcome.</summary>
    Task SendAsync(PlannedPrompt prompt, BatchRecorder batch);
}
