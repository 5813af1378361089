using System.Text.Json;
using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Protocol;

/// <summary>Reads a chat-completions request body, or says what is wrong with it in the OpenAI error shape.</summary>
public static class ChatRequestParser
{
    public static bool TryParse(ReadOnlyMemory<byte> body, out ChatRequest request, out OpenAIError error)
    {
        request = null!;
        error = null!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = OpenAIError.InvalidJson();
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = OpenAIError.InvalidJson();
                return false;
            }

            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || model.GetString() is not { Length: > 0 } modelName)
            {
                error = OpenAIError.MissingParameter("model");
                return false;
            }

            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                error = OpenAIError.MissingParameter("messages");
                return false;
            }

            if (messages.GetArrayLength() == 0)
            {
                error = OpenAIError.InvalidParameter("messages", "Invalid 'messages': empty array. Expected an array with minimum length 1.");
                return false;
            }

            if (!TryReadMessages(messages, out var lastUserMessage, out var promptTokens, out error)
                || !TryReadMaxTokens(root, out var maxTokens, out error))
            {
                return false;
            }

            var stream = root.TryGetProperty("stream", out var streamValue) && streamValue.ValueKind == JsonValueKind.True;
            var includeUsage = stream
                && root.TryGetProperty("stream_options", out var streamOptions)
                && streamOptions.ValueKind == JsonValueKind.Object
                && streamOptions.TryGetProperty("include_usage", out var usage)
                && usage.ValueKind == JsonValueKind.True;
            long? seed = root.TryGetProperty("seed", out var seedValue) && seedValue.TryGetInt64(out var s) ? s : null;

            request = new ChatRequest(modelName, lastUserMessage, promptTokens, stream, includeUsage, maxTokens, seed);
            return true;
        }
    }

    private static bool TryReadMessages(JsonElement messages, out string lastUserMessage, out int promptTokens, out OpenAIError error)
    {
        lastUserMessage = string.Empty;
        error = null!;

        // The chat format costs about three tokens per message plus three to prime the reply.
        promptTokens = 3;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role", out var role)
                || role.ValueKind != JsonValueKind.String)
            {
                error = OpenAIError.MissingParameter($"messages[{index}].role");
                return false;
            }

            var text = ReadContent(message);
            promptTokens += 3 + AnswerTokenizer.Count(text);
            if (role.ValueEquals("user"u8))
            {
                lastUserMessage = text;
            }

            index++;
        }

        return true;
    }

    private static string ReadContent(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        // Content parts: only the text parts count for the prompt.
        var parts = new List<string>();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                parts.Add(text.GetString() ?? string.Empty);
            }
        }

        return string.Join('\n', parts);
    }

    private static bool TryReadMaxTokens(JsonElement root, out int? maxTokens, out OpenAIError error)
    {
        maxTokens = null;
        error = null!;
        foreach (var name in (ReadOnlySpan<string>)["max_completion_tokens", "max_tokens"])
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (!value.TryGetInt32(out var limit) || limit < 1)
            {
                error = OpenAIError.InvalidParameter(name, $"Invalid '{name}': expected an integer of at least 1.");
                return false;
            }

            maxTokens = limit;
            return true;
        }

        return true;
    }
}
