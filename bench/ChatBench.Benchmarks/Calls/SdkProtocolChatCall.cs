using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Calls;

/// <summary>
/// One non-streaming request through the SDK's protocol method, <c>CompleteChatAsync(BinaryContent, RequestOptions)</c>:
/// the SDK's pipeline, policies and transport as ever, but the body is the raw client's JSON and the answer is read
/// from the response stream unbuffered, for its text, usage and finish reason only, instead of the SDK's models.
/// </summary>
public sealed class SdkProtocolChatCall(ChatClient client, string model) : AwaitedChatCall<RawChatCompletion>
{
    protected override async Task<RawChatCompletion> RequestAsync(PlannedPrompt prompt)
    {
        using var body = BinaryContent.Create(BinaryData.FromBytes(ChatRequestJson.Write(model, prompt.Prompt.Text, prompt.Prompt.Seed, stream: false)));
        var result = await client.CompleteChatAsync(body, new RequestOptions { BufferResponse = false }).ConfigureAwait(false);
        using var response = result.GetRawResponse();
        using var json = await JsonDocument.ParseAsync(response.ContentStream!).ConfigureAwait(false);
        return RawChatCompletion.Parse(json.RootElement);
    }

    // Like the raw client's, this body never caps the answer's tokens.
    protected override AnswerFacts Facts(RawChatCompletion answer, PlannedPrompt prompt) =>
        new(answer.Content.Length > 0, answer.OutputTokens, answer.FinishReason, MaxTokensSet: false);
}
