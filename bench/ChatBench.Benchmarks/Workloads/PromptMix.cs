using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// The built-in prompts. A batch mixes long and short prompts in a fixed pattern (one long in four, like a chat app
/// where most questions are quick), read from <c>workloads/default.jsonl</c>, and gives every request its own seed so
/// the stub's jitter differs between them.
/// </summary>
public static class PromptMix
{
    public const string ColourQuestion = "Name a primary colour.";

    public static IReadOnlyList<ChatPrompt> SeedScenario { get; } =
    [
        new(DefaultPromptRules.LongQuestion, 0),
        new(DefaultPromptRules.ShortQuestion, 1),
    ];

    /// <summary>Output tokens the prompts ask for, judged by the stub's default answers: a budget estimate for live runs.</summary>
    public static int EstimatedOutputTokens(IEnumerable<ChatPrompt> prompts) =>
        prompts.Sum(p => LatencyProfile.Default.Plan(p.Text).CompletionTokens);

    /// <summary>The built-in mix, <c>workloads/default.jsonl</c>: one long question, then short ones, cycling.</summary>
    public static IReadOnlyList<ChatPrompt> Batch(int size) => Workload.Default.Take(size);
}
