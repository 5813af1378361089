using System.ClientModel;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Calls;

/// <summary>One non-streaming chat request through the SDK's <see cref="ChatClient.CompleteChatAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, CancellationToken)"/>.</summary>
public sealed class SdkChatCall(ChatClient client) : AwaitedChatCall<ClientResult<ChatCompletion>>
{
    public static ChatCompletionOptions Options(PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
#pragma warning disable OPENAI001 // Seed is marked experimental; it only varies the stub's jitter per request.
        return new ChatCompletionOptions { Seed = prompt.Prompt.Seed, MaxOutputTokenCount = prompt.Prompt.Request?.MaxTokens };
#pragma warning restore OPENAI001
    }

    /// <summary>What an SDK answer holds, for <see cref="AnswerRule"/>; the request capped its tokens when the prompt did.</summary>
    public static AnswerFacts Facts(ChatCompletion completion, PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(prompt);
        var hasContent = completion.Content.Count > 0 && !string.IsNullOrEmpty(completion.Content[0].Text);
        return new AnswerFacts(hasContent, completion.Usage?.OutputTokenCount, ApiName(completion.FinishReason), prompt.Prompt.Request?.MaxTokens is not null);
    }

    /// <summary>The SDK's finish reason as the API spells it, for <see cref="AnswerRule"/>.</summary>
    public static string ApiName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };

    protected override Task<ClientResult<ChatCompletion>> RequestAsync(PlannedPrompt prompt) =>
        client.CompleteChatAsync(prompt.Prompt.SdkMessages(), Options(prompt));

    protected override AnswerFacts Facts(ClientResult<ChatCompletion> answer, PlannedPrompt prompt) => Facts(answer.Value, prompt);
}
