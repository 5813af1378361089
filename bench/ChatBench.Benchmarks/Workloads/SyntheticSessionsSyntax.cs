using System.Globalization;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// The <c>--sessions</c> syntax: <c>users=3,turns=4,prompt=120~40,answer=80~20,prefix=2000,think=1500ms~500ms</c>,
/// every part optional (its default from <see cref="SyntheticSessions.Default"/>) and at most once.
/// </summary>
internal static class SyntheticSessionsSyntax
{
    private const string TokensRule = "tokens as MEAN or MEAN~SPREAD, the spread below the mean";

    private static readonly (string Name, string Rule, Func<SyntheticSessions, string, SyntheticSessions?> Apply)[] Parts =
    [
        ("users", "a whole number of 1 or more, such as users=3", (s, v) => Positive(v) is { } n ? s with { Users = n } : null),
        ("turns", "a whole number of 1 or more, such as turns=4", (s, v) => Positive(v) is { } n ? s with { Turns = n } : null),
        ("prompt", $"{TokensRule}, such as prompt=120~40", (s, v) => MeanAndSpread.Parse(v, MeanAndSpread.WholeNumber, 1) is { } p ? s with { Prompt = p } : null),
        ("answer", $"{TokensRule}, such as answer=80~20", (s, v) => MeanAndSpread.Parse(v, MeanAndSpread.WholeNumber, 1) is { } a ? s with { Answer = a } : null),
        ("prefix", "tokens of 0 or more, such as prefix=2000 (0: no shared system prompt)", (s, v) => MeanAndSpread.WholeNumber(v) is { } n ? s with { Prefix = n } : null),
        ("think", "a duration in ms or s as MEAN or MEAN~SPREAD, the spread at most the mean, such as think=1500ms~500ms", (s, v) => MeanAndSpread.Parse(v, Milliseconds, 0) is { } t ? s with { ThinkMs = t } : null),
    ];

    public static bool TryParse(string? text, out SyntheticSessions sessions, out string error)
    {
        sessions = SyntheticSessions.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "needs parts such as users=3,turns=4";
            return false;
        }

        var given = new HashSet<string>(StringComparer.Ordinal);
        var parsed = sessions;
        foreach (var piece in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = piece.Split('=', 2, StringSplitOptions.TrimEntries);
            var part = Parts.FirstOrDefault(p => p.Name == pair[0]);
            error = (pair.Length, part.Name) switch
            {
                (1, _) => $"part '{piece}' needs NAME=VALUE, such as users=3",
                (_, null) => $"has no part '{pair[0]}' (its parts are {string.Join(", ", Parts.Select(p => p.Name))})",
                _ when !given.Add(part.Name) => $"gives part '{part.Name}' twice",
                _ => string.Empty,
            };
            if (error.Length > 0 || part.Apply(parsed, pair[1]) is not { } next)
            {
                error = error.Length > 0 ? error : $"part '{part.Name}' needs {part.Rule}";
                return false;
            }

            parsed = next;
        }

        sessions = parsed;
        error = string.Empty;
        return true;
    }

    private static int? Positive(string text) => MeanAndSpread.WholeNumber(text) is > 0 and var n ? n : null;

    private static int? Milliseconds(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (string.Empty, 0);
        return unit > 0 && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value * unit <= int.MaxValue
            ? (int)Math.Round(value * unit)
            : null;
    }
}
