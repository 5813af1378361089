using System.Globalization;
using System.Text.Json;

namespace ChatBench.Stubs.Protocol;

/// <summary>
/// Reads one typed field of a request object, or throws <see cref="InvalidRequestException"/> with OpenAI's error for
/// it: absent and null optional fields read as null, as the API treats them.
/// </summary>
internal static class RequestFields
{
    public static string RequiredString(JsonElement parent, string name, string param)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InvalidRequestException(OpenAIError.MissingParameter(param));
        }

        return Text(value, param);
    }

    /// <summary>A required string that must be one of <paramref name="supported"/>, as a message's role or a part's type.</summary>
    public static string RequiredChoice(JsonElement parent, string name, string param, IReadOnlyList<string> supported)
    {
        var value = RequiredString(parent, name, param);
        return supported.Contains(value) ? value : throw new InvalidRequestException(OpenAIError.UnsupportedValue(param, value, supported));
    }

    public static void RequireObject(JsonElement value, string param)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException(OpenAIError.InvalidType(param, "an object", Describe(value)));
        }
    }

    /// <summary>The text of a string element; invalid UTF-8 or a lone surrogate is a body OpenAI cannot parse either.</summary>
    public static string Text(JsonElement value, string param)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidRequestException(OpenAIError.InvalidType(param, "a string", Describe(value)));
        }

        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidRequestException(OpenAIError.InvalidJson());
        }
    }

    public static bool? Boolean(JsonElement parent, string name, string param) => Optional(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } other => throw new InvalidRequestException(OpenAIError.InvalidType(param, "a boolean", Describe(other))),
    };

    public static long? Integer(JsonElement parent, string name, long min, long max)
    {
        if (Optional(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !IsIntegral(value))
        {
            throw new InvalidRequestException(OpenAIError.InvalidType(name, "an integer", Describe(value)));
        }

        if (!value.TryGetInt64(out var number) || number < min || number > max)
        {
            // An integer too large for a long is out of range, not malformed.
            var below = value.TryGetInt64(out number) ? number < min : value.GetRawText().StartsWith('-');
            var bound = below ? min : max;
            throw new InvalidRequestException(OpenAIError.OutOfRange(name, "integer", below, bound.ToString(CultureInfo.InvariantCulture), value.GetRawText()));
        }

        return number;
    }

    /// <summary>Checks a number the stub does not act on, so a client's mistake still fails as it would against OpenAI.</summary>
    public static void Decimal(JsonElement parent, string name, double min, double max)
    {
        if (Optional(parent, name) is not { } value)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidRequestException(OpenAIError.InvalidType(name, "a number", Describe(value)));
        }

        if (!value.TryGetDouble(out var number) || number < min || number > max)
        {
            // A value beyond double's range does not convert; it is out of range all the same.
            var below = value.TryGetDouble(out number) ? number < min : value.GetRawText().StartsWith('-');
            var bound = (below ? min : max).ToString(CultureInfo.InvariantCulture);
            throw new InvalidRequestException(OpenAIError.OutOfRange(name, "decimal", below, bound, value.GetRawText()));
        }
    }

    /// <summary>OpenAI's word for a JSON value's type, as in "but got a string instead".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => IsIntegral(value) ? "an integer" : "a decimal",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool IsIntegral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;
}
