using System.Text.Json;

namespace ChatBench.Stubs.Protocol;

/// <summary>An error in the OpenAI shape: <c>{"error":{"message","type","param","code"}}</c> with its HTTP status.</summary>
public sealed record OpenAIError(int Status, string Message, string Type, string? Param = null, string? Code = null)
{
    public static OpenAIError InvalidJson() => new(
        400,
        "We could not parse the JSON body of your request. The API expects a JSON payload, but what was sent was not valid JSON.",
        "invalid_request_error");

    public static OpenAIError MissingParameter(string param) =>
        new(400, $"Missing required parameter: '{param}'.", "invalid_request_error", param, "missing_required_parameter");

    public static OpenAIError InvalidParameter(string param, string message) =>
        new(400, message, "invalid_request_error", param, "invalid_value");

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
