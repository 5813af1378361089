namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>The target's <c>/metrics</c> is missing, not Prometheus text, or has none of the series the harness reads.</summary>
public sealed class ServerMetricsUnavailableException : Exception
{
    public ServerMetricsUnavailableException()
    {
    }

    public ServerMetricsUnavailableException(string message)
        : base(message)
    {
    }

    public ServerMetricsUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
