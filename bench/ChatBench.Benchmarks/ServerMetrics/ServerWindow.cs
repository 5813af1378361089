using System.Text.Json.Serialization;
namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// What the server counted during one call of a benchmark method, from its <c>/metrics</c> scraped before and after
/// (outside the measured time): the requests it finished, by finish reason, the tokens, its latency histograms'
/// increase (bucket counts, seconds as exported), and where sampled its queue every second.
/// </summary>
public sealed record ServerWindow
{
    /// <summary>Whose names were read: <c>vllm</c> (vLLM and the stub) or <c>sglang</c>.</summary>
    public required string Server { get; init; }

    /// <summary>Milliseconds between the two scrapes.</summary>
    public double DurationMs { get; init; }

    /// <summary>Requests the server finished in the window, every finish reason.</summary>
    public double Requests { get; init; }

    public IReadOnlyDictionary<string, double>? RequestsByFinishReason { get; init; }

    public double? PromptTokens { get; init; }

    public double? GenerationTokens { get; init; }

    public HistogramCounts? Ttft { get; init; }

    [JsonPropertyName("e2e")]
    public HistogramCounts? E2E { get; init; }

    public HistogramCounts? QueueTime { get; init; }

    public HistogramCounts? InterToken { get; init; }

    /// <summary>
    /// The server process's CPU in the window (<c>process_cpu_seconds_total</c>), where it exports it: what the requests
    /// cost a server that shares the machine, to the resolution of its clock (10 ms on Linux).
    /// </summary>
    public double? CpuMs { get; init; }

    /// <summary>Running and waiting requests every second, for open-loop and conversation runs; empty otherwise.</summary>
    public IReadOnlyList<ServerLoadSample> Load { get; init; } = [];

    /// <summary>The gauges at the second scrape: a server still busy with other clients' requests shows it here.</summary>
    public double RunningAfter { get; init; }

    public double WaitingAfter { get; init; }
}
