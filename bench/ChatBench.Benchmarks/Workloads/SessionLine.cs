using System.Text.Json;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// A session line of a workload file: <c>session</c> (its id) and <c>turns</c>, each a user message or an object with
/// <c>user</c> and optionally <c>max_tokens</c> and <c>think_ms</c>; optionally <c>system</c>, <c>class</c>, and
/// <c>max_tokens</c> and <c>think_ms</c> for every turn that gives none.
/// </summary>
internal static class SessionLine
{
    private const string Shape = "a session has session and turns, and optionally system, class, max_tokens and think_ms";
    private static readonly string[] Fields = ["session", "system", "turns", "class", "max_tokens", "think_ms"];
    private static readonly string[] TurnFields = ["user", "max_tokens", "think_ms"];

    /// <summary>Whether the line is a session rather than a single request.</summary>
    public static bool Is(JsonElement line) => line.TryGetProperty("turns", out _) || line.TryGetProperty("session", out _);

    public static ChatSession Read(JsonElement line)
    {
        if (new[] { "prompt", "messages" }.FirstOrDefault(f => line.TryGetProperty(f, out _)) is { } request)
        {
            throw new FormatException($"both \"{request}\" and a session's \"turns\"/\"session\": a line is a request (prompt or messages) or a session (session and turns), so split it in two");
        }

        LineValues.OnlyKnownFields(line, Fields, Shape);
        var id = line.TryGetProperty("session", out var session)
            ? LineValues.Text(session, "session")
            : throw new FormatException("a session line needs \"session\", its id, such as \"support-7\"");
        if (!line.TryGetProperty("turns", out var turns))
        {
            throw new FormatException($"session \"{id}\" has no \"turns\": give its user messages, such as \"turns\": [\"My invoice is wrong.\", \"Which formats?\"]");
        }

        if (turns.ValueKind != JsonValueKind.Array || turns.GetArrayLength() == 0)
        {
            throw new FormatException("\"turns\" must be a non-empty array of user messages (strings, or objects with \"user\")");
        }

        var maxTokens = LineValues.MaxTokens(line);
        var think = LineValues.ThinkTime(line) ?? TimeSpan.Zero;
        var read = turns.EnumerateArray().Select((turn, i) => Turn(turn, i, maxTokens, think)).ToList();
        return new ChatSession(id, LineValues.OptionalText(line, "system"), read, LineValues.OptionalText(line, "class"));
    }

    private static SessionTurn Turn(JsonElement turn, int index, int? maxTokens, TimeSpan think)
    {
        var path = LineValues.Indexed("turns", index);
        var sessionThink = index == 0 ? TimeSpan.Zero : think;
        if (turn.ValueKind == JsonValueKind.String)
        {
            return new SessionTurn(LineValues.Text(turn, path), maxTokens, sessionThink);
        }

        if (turn.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} must be a user message: a string, or an object with \"user\"");
        }

        LineValues.OnlyKnownFields(turn, TurnFields, "a turn has user, and optionally max_tokens and think_ms");
        var user = turn.TryGetProperty("user", out var text)
            ? LineValues.Text(text, $"{path}.user")
            : throw new FormatException($"{path} has no \"user\": give the user's message, such as {{\"user\": \"Which formats?\"}}");
        var turnThink = LineValues.ThinkTime(turn, $"{path}.think_ms");
        if (index == 0 && turnThink is not null)
        {
            throw new FormatException("turns[0].think_ms: the first turn follows no answer; give think_ms from the second turn on");
        }

        return new SessionTurn(user, LineValues.MaxTokens(turn, $"{path}.max_tokens") ?? maxTokens, turnThink ?? sessionThink);
    }
}
