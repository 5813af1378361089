using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBench.Stubs.Outcomes;

/// <summary>
/// Writes a <see cref="RequestOutcome"/> as <c>{"kind":"failed","status":429}</c>, <c>{"kind":"cut","cause":"HttpIOException"}</c>,
/// <c>{"kind":"finishReason","finishReason":"content_filter"}</c>, <c>{"kind":"answered"}</c>... Files written before
/// outcomes had a type hold the outcome's words instead (<c>"ok"</c>, <c>"http 429"</c>): those are read as the
/// outcome the words name, so older results and records stay readable. Three are counted differently from when they
/// were written, on purpose: an unexpected finish reason and a request that never reported are other failures, no
/// longer cut streams, and HTTP 408 and 504 are timeouts.
/// </summary>
internal sealed class RequestOutcomeJsonConverter : JsonConverter<RequestOutcome>
{
    public override RequestOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return FromWords(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"an outcome is an object with a kind, not {reader.TokenType}");
        }

        string? kind = null, cause = null, finishReason = null;
        int? status = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "kind": kind = reader.GetString(); break;
                case "status": status = reader.GetInt32(); break;
                case "cause": cause = reader.GetString(); break;
                case "finishReason": finishReason = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        if (!Enum.TryParse<RequestOutcomeKind>(kind, ignoreCase: true, out var parsed) || int.TryParse(kind, out _))
        {
            throw new JsonException($"an outcome's kind is one of {string.Join(", ", Enum.GetNames<RequestOutcomeKind>().Select(Name))}, not '{kind}'");
        }

        return parsed switch
        {
            RequestOutcomeKind.Answered => RequestOutcome.Answered,
            RequestOutcomeKind.Failed when status is { } code => RequestOutcome.HttpStatus(code, cause),
            RequestOutcomeKind.Failed => RequestOutcome.Failed(cause ?? throw new JsonException("a failed outcome has a status or a cause")),
            RequestOutcomeKind.Timeout => RequestOutcome.TimedOut,
            RequestOutcomeKind.Cut => RequestOutcome.Cut(cause ?? throw new JsonException("a cut outcome has a cause")),
            RequestOutcomeKind.Dropped => RequestOutcome.Dropped(cause ?? throw new JsonException("a dropped outcome has a cause")),
            RequestOutcomeKind.EmptyAnswer => RequestOutcome.EmptyAnswer,
            RequestOutcomeKind.NoUsage => RequestOutcome.NoUsage,
            _ => finishReason is null ? RequestOutcome.NoFinishReason : RequestOutcome.Finished(finishReason),
        };
    }

    public override void Write(Utf8JsonWriter writer, RequestOutcome value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("kind", Name(value.Kind.ToString()));
        if (value.Status is { } status)
        {
            writer.WriteNumber("status", status);
        }

        if (value.Cause is { } cause)
        {
            writer.WriteString("cause", cause);
        }

        if (value.FinishReason is { } finishReason)
        {
            writer.WriteString("finishReason", finishReason);
        }

        writer.WriteEndObject();
    }

    private static string Name(string kind) => JsonNamingPolicy.CamelCase.ConvertName(kind);

    // Words that name no kind were a client-side failure by its exception's name: a cut stream.
    private static RequestOutcome FromWords(string words) => words switch
    {
        "ok" => RequestOutcome.Answered,
        "timeout" => RequestOutcome.TimedOut,
        "empty answer" => RequestOutcome.EmptyAnswer,
        "no usage" => RequestOutcome.NoUsage,
        "no finish_reason" => RequestOutcome.NoFinishReason,
        "not completed" => RequestOutcome.NotCompleted,
        _ when words.StartsWith("finish_reason ", StringComparison.Ordinal) => RequestOutcome.Finished(words["finish_reason ".Length..]),
        _ when words.StartsWith("http ", StringComparison.Ordinal) && int.TryParse(words.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var status) => RequestOutcome.HttpStatus(status),
        _ => RequestOutcome.Cut(words),
    };
}
