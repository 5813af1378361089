using System.ClientModel;
using ChatBench.Benchmarks.Records;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// One non-streaming chat request through the SDK, timed and checked: an error or an empty answer is recorded as such,
/// never as a fast success.
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
            ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(prompt.Prompt.Text)], Options(prompt));
            batch.Add(Succeeded(prompt, start, batch.Now(), completion));
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
            ChatCompletion completion = client.CompleteChat([new UserChatMessage(prompt.Prompt.Text)], Options(prompt));
            batch.Add(Succeeded(prompt, start, batch.Now(), completion));
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
        return new ChatCompletionOptions { Seed = prompt.Prompt.Seed };
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

    public static RequestRecord Succeeded(PlannedPrompt prompt, double start, double end, ChatCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(completion);
        return prompt.Answered(start, end, completion.Content.Count > 0 ? completion.Content[0].Text : null, completion.Usage?.OutputTokenCount);
    }
}
