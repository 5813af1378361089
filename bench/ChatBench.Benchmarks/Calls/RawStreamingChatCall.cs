using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks.Calls;

/// <summary>One streaming request through <see cref="RawChatHttpClient"/>, timed chunk by chunk like <see cref="SdkStreamingChatCall"/>.</summary>
public sealed class RawStreamingChatCall(RawChatHttpClient client) : AwaitedChatCall<RawChatCompletion>
{
    protected override StreamTiming StartTiming(PlannedPrompt prompt) => new(prompt.Plan?.CompletionTokens ?? 64);

    protected override ValueTask<RawChatCompletion> RequestAsync(PlannedPrompt prompt, BatchRecorder batch, StreamTiming? timing) =>
        new(client.StreamAsync(prompt.Prompt.Text, prompt.Prompt.Seed, _ => timing!.Content(batch.Now())));

    // The raw client never caps the answer's tokens.
    protected override AnswerFacts Facts(RawChatCompletion answer, PlannedPrompt prompt, StreamTiming? timing) =>
        new(timing!.First is not null, answer.OutputTokens, answer.FinishReason, MaxTokensSet: false);
}
