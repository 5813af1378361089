using System.Text.Json;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Protocol;

/// <summary>
/// Checks <c>messages</c> as the OpenAI API does (each message an object with a known role, content a string or an
/// array of typed parts) and reads what the stub needs from it: the last user message, the prompt's token count and,
/// for the prefix cache, the keys of its token blocks.
/// </summary>
internal static class ChatMessagesReader
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool", "function"];
    private static readonly string[] PartTypes = ["text", "image_url", "input_audio", "file", "refusal"];

    // The chat format's overhead as tokens of their own, outside o200k's ids: a message starts, its role, its content
    // starts. The role is a token, so two conversations that differ only in a role share no block from there on.
    private const int MessageStart = -1;
    private const int ContentStart = -2;

    /// <summary>
    /// With <paramref name="hashBlocks"/>, each message is tokenized once and its tokens both counted and hashed into
    /// blocks; without, only counted.
    /// </summary>
    public static (string LastUserMessage, int PromptTokens, ulong[]? Blocks) Read(JsonElement root, bool hashBlocks)
    {
        if (!root.TryGetProperty("messages", out var messages))
        {
            throw new InvalidRequestException(OpenAIError.MissingParameter("messages"));
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidRequestException(OpenAIError.InvalidType("messages", "an array", RequestFields.Describe(messages)));
        }

        if (messages.GetArrayLength() == 0)
        {
            throw new InvalidRequestException(OpenAIError.EmptyArray("messages"));
        }

        var lastUserMessage = string.Empty;
        var hasher = hashBlocks ? new PromptBlockHasher() : null;

        // Counted as PromptTokenCounter.Conversation counts, without building a list per request.
        var promptTokens = PromptTokenCounter.ReplyPriming;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var path = $"messages[{index++}]";
            RequestFields.RequireObject(message, path);
            var role = RequestFields.RequiredChoice(message, "role", $"{path}.role", Roles);

            // Only an assistant message may leave its content out (it may carry tool calls instead).
            var text = ReadContent(message, $"{path}.content", required: role != "assistant");
            if (hasher is null)
            {
                promptTokens += PromptTokenCounter.Message(text);
            }
            else
            {
                AddMessage(hasher, role, PromptTokenCounter.Encode(text));
            }

            if (role == "user")
            {
                lastUserMessage = text;
            }
        }

        if (hasher is null)
        {
            return (lastUserMessage, promptTokens, null);
        }

        // The reply's priming is the start of an assistant message: the next turn, holding the answer, extends it.
        AddMessage(hasher, "assistant", []);
        return (lastUserMessage, hasher.Tokens, hasher.Blocks());
    }

    private static void AddMessage(PromptBlockHasher hasher, string role, IReadOnlyList<int> content)
    {
        hasher.Add(MessageStart);
        hasher.Add(-10 - Array.IndexOf(Roles, role));
        hasher.Add(ContentStart);
        hasher.Add(content);
    }

    private static string ReadContent(JsonElement message, string path, bool required)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new InvalidRequestException(OpenAIError.MissingParameter(path)) : string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return RequestFields.Text(content, path);
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidRequestException(OpenAIError.InvalidType(path, "one of a string or array of objects", RequestFields.Describe(content)));
        }

        if (content.GetArrayLength() == 0)
        {
            throw new InvalidRequestException(OpenAIError.EmptyArray(path));
        }

        // Content parts: only the text parts count for the prompt.
        var texts = new List<string>();
        var index = 0;
        foreach (var part in content.EnumerateArray())
        {
            var partPath = $"{path}[{index++}]";
            RequestFields.RequireObject(part, partPath);
            if (RequestFields.RequiredChoice(part, "type", $"{partPath}.type", PartTypes) == "text")
            {
                texts.Add(RequestFields.RequiredString(part, "text", $"{partPath}.text"));
            }
        }

        return string.Join('\n', texts);
    }
}
