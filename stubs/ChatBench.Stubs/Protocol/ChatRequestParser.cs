using System.Text.Json;

namespace ChatBench.Stubs.Protocol;

/// <summary>
/// Reads a chat-completions request body, or says what is wrong with it in the OpenAI error shape: every field the
/// stub reads, and the common sampling fields it ignores, are checked by type and range, so a client's mistake gets
/// the 400 the OpenAI API would send.
/// </summary>
internal static class ChatRequestParser
{
    /// <summary>With <paramref name="hashBlocks"/>, the request also carries its prompt's block keys for the prefix cache.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, out ChatRequest request, out OpenAIError error, bool hashBlocks = false)
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
            try
            {
                request = Read(document.RootElement, hashBlocks);
                return true;
            }
            catch (InvalidRequestException e)
            {
                error = e.Error;
                return false;
            }
        }
    }

    private static ChatRequest Read(JsonElement root, bool hashBlocks)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException(OpenAIError.InvalidJson());
        }

        var model = RequestFields.RequiredString(root, "model", "model");
        if (model.Length == 0)
        {
            throw new InvalidRequestException(OpenAIError.MissingParameter("model"));
        }

        var (lastUserMessage, promptTokens, blocks) = ChatMessagesReader.Read(root, hashBlocks);
        var stream = RequestFields.Boolean(root, "stream", "stream") ?? false;
        var includeUsage = ReadIncludeUsage(root, stream);

        // max_completion_tokens replaced max_tokens; both are checked, the newer one wins.
        var maxCompletionTokens = RequestFields.Integer(root, "max_completion_tokens", 1, int.MaxValue);
        var maxTokens = RequestFields.Integer(root, "max_tokens", 1, int.MaxValue);
        var seed = RequestFields.Integer(root, "seed", long.MinValue, long.MaxValue);

        RequestFields.Integer(root, "n", 1, 128);
        RequestFields.Decimal(root, "temperature", 0, 2);
        RequestFields.Decimal(root, "top_p", 0, 1);
        RequestFields.Decimal(root, "presence_penalty", -2, 2);
        RequestFields.Decimal(root, "frequency_penalty", -2, 2);

        return new ChatRequest(model, lastUserMessage, promptTokens, stream, includeUsage, (int?)(maxCompletionTokens ?? maxTokens), seed) { PromptBlocks = blocks };
    }

    private static bool ReadIncludeUsage(JsonElement root, bool stream)
    {
        if (!root.TryGetProperty("stream_options", out var options) || options.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException(OpenAIError.InvalidType("stream_options", "an object", RequestFields.Describe(options)));
        }

        if (!stream)
        {
            throw new InvalidRequestException(OpenAIError.InvalidParameter("stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled."));
        }

        return RequestFields.Boolean(options, "include_usage", "stream_options.include_usage") ?? false;
    }
}
