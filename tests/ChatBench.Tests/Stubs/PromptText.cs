using System.Text;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>Texts of an exact o200k token count, and the chat requests that carry them, for the prefix cache's tests.</summary>
internal static class PromptText
{
    private static readonly string[] Words = ["apple", "river", "stone", "cloud", "green", "table", "music", "light"];

    /// <summary>Common words, each one token with its leading space, starting at word <paramref name="offset"/> of the cycle.</summary>
    public static string OfTokens(int tokens, int offset = 0)
    {
        var text = new StringBuilder();
        for (var i = 0; i < tokens; i++)
        {
            text.Append(' ').Append(Words[(i + offset) % Words.Length]);
        }

        var result = text.ToString();
        Assert.Equal(tokens, PromptTokenCounter.Count(result));
        return result;
    }

    /// <summary>A chat-completions body with these (role, content) messages.</summary>
    public static string Body(IEnumerable<(string Role, string Content)> messages, bool stream = false, int? maxTokens = null)
    {
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["model"] = "gpt-4o",
            ["messages"] = new System.Text.Json.Nodes.JsonArray([.. messages.Select(m => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["role"] = m.Role, ["content"] = m.Content })]),
        };
        if (stream)
        {
            body["stream"] = true;
            body["stream_options"] = new System.Text.Json.Nodes.JsonObject { ["include_usage"] = true };
        }

        if (maxTokens is { } max)
        {
            body["max_tokens"] = max;
        }

        return body.ToJsonString();
    }

    /// <summary>The prompt tokens the stub counts for these messages.</summary>
    public static int Tokens(IEnumerable<(string Role, string Content)> messages) => PromptTokenCounter.Conversation(messages.Select(m => m.Content));
}
