namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>Which benchmark summaries show a metric as a column.</summary>
public enum MetricAudience
{
    /// <summary>Every summary where some case has a value.</summary>
    AnyValue,

    /// <summary>Summaries of classes whose requests stream.</summary>
    Streaming,

    /// <summary>The client-stack summary only, whose report explains the figure's fixed floor per batch.</summary>
    ClientStack,
}
