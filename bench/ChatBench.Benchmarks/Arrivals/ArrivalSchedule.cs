using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// The send times of an open-loop run, drawn from a seeded generator and computed whole before the first request, so
/// nothing about the responses can change when a request is sent. The first request goes at 0.
/// </summary>
public static class ArrivalSchedule
{
    /// <summary>Send times in milliseconds from the run's start, every one before <paramref name="seconds"/>.</summary>
    public static double[] Offsets(ArrivalProcess process, double rate, double seconds, int seed)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        var random = new Random(seed);
        var offsets = new List<double>((int)Math.Min(rate * seconds * 1.2, 1_000_000) + 1);
        for (var at = 0.0; at < seconds * 1000; at += Gap(process, rate, random) * 1000)
        {
            offsets.Add(at);
        }

        return [.. offsets];
    }

    /// <summary>One gap in seconds: Gamma(shape = burstiness, scale = 1 / (rate x burstiness)), mean 1 / rate.</summary>
    public static double Gap(ArrivalProcess process, double rate, Random random)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(random);
        return process.Kind switch
        {
            ArrivalKind.Constant => 1 / rate,
            ArrivalKind.Poisson => -Math.Log(1 - random.NextDouble()) / rate,
            _ => StandardGamma(process.Burstiness, random) / (rate * process.Burstiness),
        };
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (2000); a shape below 1 is boosted by U^(1/shape).</summary>
    private static double StandardGamma(double shape, Random random)
    {
        if (shape < 1)
        {
            return StandardGamma(shape + 1, random) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
