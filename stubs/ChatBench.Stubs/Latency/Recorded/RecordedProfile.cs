namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>
/// A provider's latency as one streaming run measured it, <c>results/latency-profile.json</c>: per distinct prompt and
/// per class, the empirical distributions of time to first token, inter-token interval, output tokens and end-to-end
/// time on a fixed quantile grid; a line of TTFT against prompt tokens; errors by kind. Never holds an API key.
/// </summary>
public sealed record RecordedProfile
{
    /// <summary>The file format this version writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Quantile probabilities 0, 0.01, ..., 1: each distribution lists its values at these.</summary>
    public static IReadOnlyList<double> StandardGrid { get; } = Enumerable.Range(0, 101).Select(i => i / 100.0).ToArray();

    /// <summary>The file format, <see cref="CurrentSchemaVersion"/> when written by this version.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary><c>stub</c> or <c>live</c>; the endpoint (never the key) and the model asked.</summary>
    public required string Target { get; init; }

    /// <summary>The endpoint measured, without any key.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The model asked.</summary>
    public required string Model { get; init; }

    /// <summary>When the run was recorded.</summary>
    public required DateTimeOffset DateUtc { get; init; }

    /// <summary>The harness's git commit, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>The workload file the run sent, as given on the command line (null: the built-in mix).</summary>
    public string? Workload { get; init; }

    /// <summary>The probabilities of every distribution's values: evenly spaced from 0 to 1.</summary>
    public required IReadOnlyList<double> QuantileGrid { get; init; }

    /// <summary>One group per distinct prompt.</summary>
    public required IReadOnlyList<RecordedGroup> Prompts { get; init; }

    /// <summary>One group per prompt class, for prompts the profile did not record.</summary>
    public required IReadOnlyList<RecordedGroup> Classes { get; init; }

    /// <summary>TTFT against uncached prompt tokens (prompt minus cached), least squares over every successful request.</summary>
    public required FittedLine TtftByPromptTokens { get; init; }

    /// <summary>The failed requests by kind.</summary>
    public required RecordedErrors Errors { get; init; }
}
