using System.Text.Json.Serialization;

namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>
/// The requests of one prompt (<see cref="Prompt"/> set) or one class (<see cref="Prompt"/> null): how many succeeded
/// and each metric's values at the profile's quantile grid. Times in milliseconds.
/// </summary>
public sealed record RecordedGroup
{
    /// <summary>The last user message, for a prompt's group.</summary>
    public string? Prompt { get; init; }

    /// <summary>The prompt class (<see cref="PromptRule.Name"/>) the group's requests fell in.</summary>
    public required string Class { get; init; }

    /// <summary>The median prompt tokens of the group (o200k_base with the chat overhead).</summary>
    public required int PromptTokens { get; init; }

    /// <summary>Successful requests the group's distributions come from.</summary>
    public required int Samples { get; init; }

    /// <summary>The mean prompt tokens the provider answered from its cache, over the samples that said; null when none did.</summary>
    public double? MeanCachedTokens { get; init; }

    /// <summary>The share of the samples that said whose prompt hit the cache (any cached tokens); null when none said.</summary>
    public double? CacheHitShare { get; init; }

    /// <summary>Time to first token at each quantile of the grid.</summary>
    public required IReadOnlyList<double> TtftMs { get; init; }

    /// <summary>Mean inter-token interval per request, at each quantile of the grid.</summary>
    public required IReadOnlyList<double> ItlMs { get; init; }

    /// <summary>Output tokens per request, at each quantile of the grid.</summary>
    public required IReadOnlyList<double> OutputTokens { get; init; }

    /// <summary>
    /// Up to <see cref="MaxRequests"/> recorded requests, whole. A replay draws these, so TTFT, interval and length
    /// keep their joint shape and end-to-end time comes out as recorded; without them it draws each grid on its own.
    /// </summary>
    public IReadOnlyList<RecordedRequest>? Requests { get; init; }

    /// <summary>The most whole requests a group keeps.</summary>
    public const int MaxRequests = 512;

    /// <summary>Not replayed (it follows from the others), kept to judge a replay's fidelity.</summary>
    [JsonPropertyName("e2eMs")]
    public required IReadOnlyList<double> E2EMs { get; init; }
}
