using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The workloads. A batch mixes long and short prompts in a fixed pattern (one long in four, like a chat app where
/// most questions are quick), and gives every request its own seed so the stub's jitter differs between them.
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

    public static IReadOnlyList<ChatPrompt> Batch(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var prompts = new ChatPrompt[size];
        for (var i = 0; i < size; i++)
        {
            var text = (i % 4) switch
            {
                0 => DefaultPromptRules.LongQuestion,
                2 => ColourQuestion,
                _ => DefaultPromptRules.ShortQuestion,
            };
            prompts[i] = new ChatPrompt(text, i);
        }

        return prompts;
    }
}
