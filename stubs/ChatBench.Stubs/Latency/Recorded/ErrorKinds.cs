namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>The kinds of failure a profile records and a replay can inject.</summary>
public static class ErrorKinds
{
    public const string RateLimited = "429";
    public const string ServerError = "5xx";
    public const string Timeout = "timeout";

    /// <summary>A stream that broke or ended without its answer (no usage, no finish reason, a reset connection).</summary>
    public const string Cut = "cut";

    /// <summary>Any other failure (another 4xx, for example): recorded, not replayed.</summary>
    public const string Other = "other";

    /// <summary>The kind of a request's outcome as the benchmarks write it: <c>http 429</c>, <c>timeout</c>, ...</summary>
    public static string Of(string outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            "http 429" => RateLimited,
            _ when outcome.StartsWith("http 5", StringComparison.Ordinal) => ServerError,
            _ when outcome.StartsWith("http ", StringComparison.Ordinal) => Other,
            "timeout" => Timeout,
            _ => Cut,
        };
    }
}
