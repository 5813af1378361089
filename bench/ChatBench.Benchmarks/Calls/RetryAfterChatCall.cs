using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;
using OpenAI.Chat;
using Polly;

namespace ChatBench.Benchmarks.Calls;

/// <summary>A non-streaming SDK request retried by a resilience pipeline (429s after their Retry-After); its time includes every attempt.</summary>
public sealed class RetryAfterChatCall(ChatClient client, ResiliencePipeline resilience) : AwaitedChatCall<ChatCompletion>
{
    protected override ValueTask<ChatCompletion> RequestAsync(PlannedPrompt prompt, BatchRecorder batch, StreamTiming? timing)
    {
        var options = SdkChatCall.Options(prompt);
        return resilience.ExecuteAsync(async token => (await client.CompleteChatAsync([new UserChatMessage(prompt.Prompt.Text)], options, token)).Value);
    }

    protected override AnswerFacts Facts(ChatCompletion answer, PlannedPrompt prompt, StreamTiming? timing) => SdkChatCall.Facts(answer, prompt);
}
