using System.ClientModel;
using ChatBench.Benchmarks.Clients;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Targets;

/// <summary>One tiny request before a live run, so a wrong URL, key or model fails in seconds with its reason.</summary>
public static class LivePreflight
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns null when the endpoint answered, or a one-line reason it did not (never containing the key).</summary>
    public static string? Check(BenchTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            var client = ChatClientFactory.Create(target, Timeout);
            ChatCompletion completion = client.CompleteChat([new UserChatMessage("Reply with OK.")], new ChatCompletionOptions { MaxOutputTokenCount = 16 });
            return completion.Content.Count == 0 ? $"{target.BaseUrl} answered without any content" : null;
        }
        catch (ClientResultException e) when (e.Status > 0)
        {
            return $"{target.BaseUrl} answered {e.Status} {Describe(e.Status)}: {OneLine(e.Message)}";
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or TaskCanceledException or TimeoutException)
        {
            return $"{target.BaseUrl} is unreachable: {OneLine(e.GetBaseException().Message)}";
        }
    }

    private static string Describe(int status) => status switch
    {
        401 => "(check the key in AIMLAPI_API_KEY)",
        403 => "(the key may not have access to this model)",
        404 => "(check --base-url and --model)",
        429 => "(rate limited or out of credit)",
        _ => string.Empty,
    };

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
