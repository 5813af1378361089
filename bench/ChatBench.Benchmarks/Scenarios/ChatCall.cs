using System.ClientModel;
using ChatBench.Benchmarks.Records;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One non-streaming chat request through the SDK, timed and checked by <see cref="AnswerRule"/>: an error or an
/// incomplete answer is recorded as such, never as a fast success.
/// </summary>
public static class ChatCall
{
    public static async Task SendAsync(ChatClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            var options = Options(prompt);
            ChatCompletion completion = await client.CompleteChatAsync(prompt.Prompt.SdkMessages(), options);
            batch.Add(Answered(prompt, start, batch.Now(), completion, options));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }

    /// <summary>The SDK's blocking call: the thread waits for the whole answer.</summary>
    public static void Send(ChatClient client, PlannedPrompt prompt, BatchRecorder batch)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(batch);
        var start = batch.Now();
        try
        {
            var options = Options(prompt);
            ChatCompletion completion = client.CompleteChat(prompt.Prompt.SdkMessages(), options);
            batch.Add(Answered(prompt, start, batch.Now(), completion, options));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.Add(prompt.Failed(start, batch.Now(), e));
        }
    }

    public static ChatCompletionOptions Options(PlannedPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
#pragma warning disable OPENAI001 // Seed is marked experimental; it only varies the stub's jitter per request.
        return new ChatCompletionOptions { Seed = prompt.Prompt.Seed, MaxOutputTokenCount = prompt.Prompt.Request?.MaxTokens };
#pragma warning restore OPENAI001
    }

    public static string OutcomeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ClientResultException { Status: > 0 } http => $"http {http.Status}",
            HttpRequestException { StatusCode: { } status } => $"http {(int)status}",
            TaskCanceledException or TimeoutException => "timeout",
            _ when exception.GetBaseException() is System.Net.Sockets.SocketException socket => $"socket {socket.SocketErrorCode}",
            _ => exception.GetBaseException().GetType().Name,
        };
    }

    /// <summary>The record of an answer the SDK returned, checked by <see cref="AnswerRule"/> against the request's options.</summary>
    public static RequestRecord Answered(PlannedPrompt prompt, double start, double end, ChatCompletion completion, ChatCompletionOptions options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(options);
        var tokens = completion.Usage?.OutputTokenCount;
        var hasContent = completion.Content.Count > 0 && !string.IsNullOrEmpty(completion.Content[0].Text);
        return prompt.Answered(start, end, tokens, AnswerRule.Outcome(hasContent, tokens, ApiName(completion.FinishReason), options.MaxOutputTokenCount is not null));
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
}
