using System.Text.Json;

namespace ChatBench.Stubs.Protocol;

/// <summary>An error in the OpenAI shape: <c>{"error":{"message","type","param","code"}}</c> with its HTTP status.</summary>
internal sealed record OpenAIError(int Status, string Message, string Type, string? Param = null, string? Code = null)
{
    public static OpenAIError InvalidJson() => new(
        400,
        "We could not parse the JSON body of your request. The API expects a JSON payload, but what was sent was not valid JSON.",
        "invalid_request_error");

    public static OpenAIError MissingParameter(string param) =>
        new(400, $"Missing required parameter: '{param}'.", "invalid_request_error", param, "missing_required_parameter");

    public static OpenAIError InvalidParameter(string param, string message) =>
        new(400, message, "invalid_request_error", param, "invalid_value");

    /// <summary><paramref name="expected"/> and <paramref name="actual"/> read as OpenAI words them: "an integer", "a string".</summary>
    public static OpenAIError InvalidType(string param, string expected, string actual) =>
        new(400, $"Invalid type for '{param}': expected {expected}, but got {actual} instead.", "invalid_request_error", param, "invalid_type");

    /// <summary>A number outside its range; <paramref name="kind"/> is "integer" or "decimal", as in OpenAI's codes.</summary>
    public static OpenAIError OutOfRange(string param, string kind, bool below, string bound, string actual) => new(
        400,
        $"Invalid '{param}': {kind} {(below ? "below minimum" : "above maximum")} value. Expected a value {(below ? ">=" : "<=")} {bound}, but got {actual} instead.",
        "invalid_request_error",
        param,
        $"{kind}_{(below ? "below_min" : "above_max")}_value");

    public static OpenAIError UnsupportedValue(string param, string value, IReadOnlyList<string> supported) => new(
        400,
        $"Invalid value: '{value}'. Supported values are: {string.Join(", ", supported.SkipLast(1).Select(v => $"'{v}'"))}, and '{supported[^1]}'.",
        "invalid_request_error",
        param,
        "invalid_value");

    public static OpenAIError EmptyArray(string param) => new(
        400,
        $"Invalid '{param}': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        "invalid_request_error",
        param,
        "empty_array");

    /// <summary>Sent before the body is read, so the client learns the limit instead of a cut connection.</summary>
    public static OpenAIError RequestTooLarge(long limitBytes) => new(
        413,
        $"The request body is too large: this server accepts at most {limitBytes} bytes.",
        "invalid_request_error",
        null,
        "request_too_large");

    /// <summary>
    /// A prompt (and the completion it asks room for) beyond the model's context window, in OpenAI's two wordings:
    /// without <c>max_tokens</c> only the messages are counted.
    /// </summary>
    public static OpenAIError ContextLengthExceeded(int contextWindow, int promptTokens, int? maxTokens) => new(
        400,
        maxTokens is { } completion
            ? $"This model's maximum context length is {contextWindow} tokens. However, you requested {(long)promptTokens + completion} tokens ({promptTokens} in the messages, {completion} in the completion). Please reduce the length of the messages or completion."
            : $"This model's maximum context length is {contextWindow} tokens. However, your messages resulted in {promptTokens} tokens. Please reduce the length of the messages.",
        "invalid_request_error",
        "messages",
        "context_length_exceeded");

    public static OpenAIError MissingApiKey() => new(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        "invalid_request_error");

    // The key itself is never echoed: the stub must not spread a secret it was sent.
    public static OpenAIError InvalidApiKey() =>
        new(401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");

    public static OpenAIError UnknownModel(string model) => new(
        404,
        $"The model `{model}` does not exist or you do not have access to it.",
        "invalid_request_error",
        null,
        "model_not_found");

    public static OpenAIError InvalidUrl(string method, string path) =>
        new(404, $"Invalid URL ({method} {path})", "invalid_request_error");

    public static OpenAIError RateLimited(int capacity) => new(
        429,
        $"Rate limit reached: at most {capacity} concurrent requests. Please try again after the time given in the Retry-After header.",
        "requests",
        null,
        "rate_limit_exceeded");

    public static OpenAIError ServerError() =>
        new(500, "The server had an error while processing your request. Sorry about that!", "server_error");

    public byte[] ToJsonBytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, ChatCompletionJson.Relaxed))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", Message);
            json.WriteString("type", Type);
            json.WriteString("param", Param);
            json.WriteString("code", Code);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
