namespace ChatBench.Benchmarks.Options;

public enum ArrivalKind
{
    /// <summary>Evenly spaced sends, 1 / rate apart.</summary>
    Constant,

    /// <summary>Exponential gaps: independent arrivals, the usual model of many users.</summary>
    Poisson,

    /// <summary>Gamma gaps with a burstiness (shape) parameter.</summary>
    Gamma,
}
