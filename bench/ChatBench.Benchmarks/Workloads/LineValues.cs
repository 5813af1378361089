using System.Globalization;
using System.Text.Json;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// The values a workload line's fields may hold, each checked the same way for request and session lines: a bad value
/// is a <see cref="FormatException"/> saying what the field must be, which <see cref="WorkloadFile"/> prefixes with the line.
/// </summary>
internal static class LineValues
{
    public static string Text(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FormatException($"\"{field}\" must be a non-empty string");

    public static string? OptionalText(JsonElement line, string field) =>
        line.TryGetProperty(field, out var value) ? Text(value, field) : null;

    public static int? MaxTokens(JsonElement line, string field = "max_tokens")
    {
        if (!line.TryGetProperty("max_tokens", out var max))
        {
            return null;
        }

        return max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var value) && value >= 1
            ? value
            : throw new FormatException($"\"{field}\" must be a whole number of 1 or more, not {max.GetRawText()}");
    }

    private const double MaxThinkMs = 86_400_000;

    public static TimeSpan? ThinkTime(JsonElement line, string field = "think_ms")
    {
        if (!line.TryGetProperty("think_ms", out var think))
        {
            return null;
        }

        // A day is far beyond any think time, and keeps TimeSpan from overflowing on an absurd number.
        return think.ValueKind == JsonValueKind.Number && think.TryGetDouble(out var ms) && ms is >= 0 and <= MaxThinkMs
            ? TimeSpan.FromMilliseconds(ms)
            : throw new FormatException($"\"{field}\" must be milliseconds from 0 to {MaxThinkMs:0} (a day), such as 1500, not {think.GetRawText()}");
    }

    /// <exception cref="FormatException">The object has a field outside <paramref name="fields"/>.</exception>
    public static void OnlyKnownFields(JsonElement line, IReadOnlyCollection<string> fields, string what)
    {
        if (line.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !fields.Contains(n)) is { } unknown)
        {
            throw new FormatException($"unknown field \"{unknown}\" ({what})");
        }
    }

    public static string Indexed(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");
}
