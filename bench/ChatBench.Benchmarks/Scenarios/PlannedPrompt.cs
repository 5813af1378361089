using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>A prompt and, on the stub, the answer and timing the stub will give it: computed in setup, not per call.</summary>
public sealed record PlannedPrompt(int Index, ChatPrompt Prompt, ResponsePlan? Plan)
{
    public string PromptClass => Plan?.Rule.Name ?? Prompt.Text;

    public static IReadOnlyList<PlannedPrompt> For(IReadOnlyList<ChatPrompt> prompts, LatencyProfile? groundTruth)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return prompts.Select((p, i) => new PlannedPrompt(i, p, groundTruth?.Plan(p.Text, null, p.Seed))).ToList();
    }
}
