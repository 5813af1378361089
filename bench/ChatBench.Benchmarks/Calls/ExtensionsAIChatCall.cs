using ChatBench.Benchmarks.Workloads;
using Microsoft.Extensions.AI;

namespace ChatBench.Benchmarks.Calls;

/// <summary>One non-streaming request through Microsoft.Extensions.AI's <see cref="IChatClient"/>.</summary>
public sealed class ExtensionsAIChatCall(IChatClient client) : AwaitedChatCall<ChatResponse>
{
    public static ChatOptions Options(PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new ChatOptions { Seed = prompt.Prompt.Seed };
    }

    protected override Task<ChatResponse> RequestAsync(PlannedPrompt prompt) =>
        client.GetResponseAsync(prompt.Prompt.Text, Options(prompt));

    // Options never cap the answer's tokens on this path.
    protected override AnswerFacts Facts(ChatResponse answer, PlannedPrompt prompt) =>
        new(!string.IsNullOrEmpty(answer.Text), (int?)answer.Usage?.OutputTokenCount, answer.FinishReason?.Value, MaxTokensSet: false);
}
