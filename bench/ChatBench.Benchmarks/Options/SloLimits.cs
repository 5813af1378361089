using System.Globalization;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// The latency limits a request must all meet to count towards goodput (vLLM's definition), written
/// <c>ttft=2s,itl=200ms,e2e=20s</c>; a limit left out is not checked. The defaults are MLPerf Inference's interactive
/// Llama 2 limits for TTFT and time per output token, and an end-to-end limit for a long chat answer. On the stub,
/// limits are in a real model's time and scaled with the stub's latencies by the time scale.
/// </summary>
public sealed record SloLimits(TimeSpan? Ttft, TimeSpan? Itl, TimeSpan? E2E)
{
    public static SloLimits Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

    /// <summary>The limits recorded in milliseconds (null: not checked).</summary>
    public static SloLimits FromMilliseconds(double? ttftMs, double? itlMs, double? e2eMs) => new(Limit(ttftMs), Limit(itlMs), Limit(e2eMs));

    public SloLimits Scaled(double factor) => new(Ttft * factor, Itl * factor, E2E * factor);

    /// <summary>Whether a successful request's TTFT, ITL and E2E (milliseconds; null when not measured) meet every limit.</summary>
    public bool Meets(double? ttftMs, double? itlMs, double e2eMs) =>
        Within(ttftMs, Ttft) && Within(itlMs, Itl) && Within(e2eMs, E2E);

    public static bool TryParse(string? text, out SloLimits limits)
    {
        limits = new SloLimits(null, null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parsed = limits;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var limit = pair.Length == 2 ? Duration(pair[1]) : null;
            SloLimits? next = (pair[0], limit) switch
            {
                (_, null) => null,
                ("ttft", _) when parsed.Ttft is null => parsed with { Ttft = limit },
                ("itl", _) when parsed.Itl is null => parsed with { Itl = limit },
                ("e2e", _) when parsed.E2E is null => parsed with { E2E = limit },
                _ => null,
            };
            if (next is null)
            {
                return false;
            }

            parsed = next;
        }

        limits = parsed;
        return true;
    }

    public override string ToString() => string.Join(',', new[] { ("ttft", Ttft), ("itl", Itl), ("e2e", E2E) }
        .Where(l => l.Item2 is not null)
        .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Item1}={l.Item2!.Value.TotalMilliseconds:0.###}ms")));

    private static TimeSpan? Limit(double? milliseconds) => milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private static bool Within(double? valueMs, TimeSpan? limit) => limit is not { } max || (valueMs is { } v && v <= max.TotalMilliseconds);

    private static TimeSpan? Duration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (string.Empty, 0);
        return unit > 0 && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? TimeSpan.FromMilliseconds(value * unit)
            : null;
    }
}
