using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Calls;

/// <summary>One non-streaming request through <see cref="RawChatHttpClient"/>.</summary>
public sealed class RawChatCall(RawChatHttpClient client) : AwaitedChatCall<RawChatCompletion>
{
    protected override Task<RawChatCompletion> RequestAsync(PlannedPrompt prompt) =>
        client.CompleteAsync(prompt.Prompt.Text, prompt.Prompt.Seed);

    // The raw client never caps the answer's tokens.
    protected override AnswerFacts Facts(RawChatCompletion answer, PlannedPrompt prompt) =>
        new(answer.Content.Length > 0, answer.OutputTokens, answer.FinishReason, MaxTokensSet: false);
}
