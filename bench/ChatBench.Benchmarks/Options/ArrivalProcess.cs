using System.Globalization;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// How requests arrive in an open-loop run, as vLLM's <c>bench serve</c> defines it: the gaps between sends are
/// Gamma(shape = burstiness, scale = 1 / (rate x burstiness)). Burstiness 1 is Poisson, below 1 burstier, above 1
/// steadier; constant is the limit of infinite burstiness. Written <c>constant</c>, <c>poisson</c> or <c>gamma:B</c>.
/// </summary>
public sealed record ArrivalProcess(ArrivalKind Kind, double Burstiness)
{
    public static ArrivalProcess Constant { get; } = new(ArrivalKind.Constant, double.PositiveInfinity);

    public static ArrivalProcess Poisson { get; } = new(ArrivalKind.Poisson, 1);

    public static ArrivalProcess Gamma(double burstiness) => new(ArrivalKind.Gamma, burstiness);

    public static bool TryParse(string? text, out ArrivalProcess process)
    {
        process = Poisson;
        switch (text?.Trim())
        {
            case "constant":
                process = Constant;
                return true;
            case "poisson":
                return true;
            case { } gamma when gamma.StartsWith("gamma:", StringComparison.Ordinal)
                && double.TryParse(gamma["gamma:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && b > 0 && double.IsFinite(b):
                process = Gamma(b);
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => Kind switch
    {
        ArrivalKind.Constant => "constant",
        ArrivalKind.Poisson => "poisson",
        _ => string.Create(CultureInfo.InvariantCulture, $"gamma:{Burstiness:R}"),
    };
}
