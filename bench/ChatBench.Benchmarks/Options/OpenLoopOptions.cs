using System.Globalization;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// The open-loop options: how requests arrive, the offered rates (null: a GuideLLM-style sweep), the SLO a request
/// must meet, and the error rate above which a sweep stops going to higher rates.
/// </summary>
public sealed record OpenLoopOptions
{
    public const double DefaultMaxErrorRate = 0.05;

    public static OpenLoopOptions Default { get; } = new();

    public ArrivalProcess Arrival { get; init; } = ArrivalProcess.Poisson;

    /// <summary>Requests per second, ascending; null sweeps from a synchronous run to past a saturating run's throughput.</summary>
    public IReadOnlyList<double>? Rates { get; init; }

    public SloLimits Slo { get; init; } = SloLimits.Default;

    public double MaxErrorRate { get; init; } = DefaultMaxErrorRate;

    /// <summary>Parses <c>R1,R2,...</c>: positive numbers, sorted ascending so a sweep climbs.</summary>
    public static IReadOnlyList<double>? ParseRates(string? text)
    {
        var rates = new List<double>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0) || !double.IsFinite(rate))
            {
                return null;
            }

            rates.Add(rate);
        }

        return rates.Count == 0 ? null : rates.Distinct().Order().ToList();
    }
}
