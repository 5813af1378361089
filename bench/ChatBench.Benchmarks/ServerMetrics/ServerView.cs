using System.Text.Json.Serialization;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// A case's server-side figures, next to the client's in its results: what the server counted over the measured
/// iterations that have a window (the sum of their histograms' increases), and its queue over time where sampled.
/// </summary>
public sealed record ServerView
{
    /// <summary>Whose metric names were read: <c>vllm</c> (vLLM and the stub) or <c>sglang</c>.</summary>
    public required string Server { get; init; }

    /// <summary>The measured iterations the figures cover.</summary>
    public required int Iterations { get; init; }

    /// <summary>Requests the server finished in those iterations.</summary>
    public required double Requests { get; init; }

    public IReadOnlyDictionary<string, double>? RequestsByFinishReason { get; init; }

    public double? PromptTokens { get; init; }

    public double? GenerationTokens { get; init; }

    public ServerLatency? Ttft { get; init; }

    [JsonPropertyName("e2e")]
    public ServerLatency? E2E { get; init; }

    public ServerLatency? QueueTime { get; init; }

    public ServerLatency? InterToken { get; init; }

    /// <summary>The server process's CPU over those iterations, where it exports <c>process_cpu_seconds_total</c>.</summary>
    public double? CpuMs { get; init; }

    /// <summary>Running and waiting requests every second, per iteration (open-loop and conversation cases).</summary>
    public IReadOnlyList<ServerLoadSample>? Load { get; init; }

    public double? PeakRunning { get; init; }

    public double? PeakWaiting { get; init; }

    /// <summary>The view of the measured invocations, or null when none has a server window.</summary>
    public static ServerView? Of(IReadOnlyList<InvocationRecord> measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var windows = measured.Select((invocation, iteration) => (Window: invocation.Server, Iteration: iteration))
            .Where(w => w.Window is not null)
            .Select(w => (Window: w.Window!, w.Iteration))
            .ToList();
        if (windows.Count == 0)
        {
            return null;
        }

        var load = windows.SelectMany(w => w.Window.Load.Select(s => s with { Iteration = w.Iteration })).ToList();
        var reasons = windows.SelectMany(w => w.Window.RequestsByFinishReason ?? new Dictionary<string, double>())
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);
        return new ServerView
        {
            Server = windows[0].Window.Server,
            Iterations = windows.Count,
            Requests = windows.Sum(w => w.Window.Requests),
            RequestsByFinishReason = reasons.Count == 0 ? null : reasons,
            PromptTokens = Total(windows.Select(w => w.Window.PromptTokens)),
            GenerationTokens = Total(windows.Select(w => w.Window.GenerationTokens)),
            Ttft = ServerLatency.Of(Merged(windows.Select(w => w.Window.Ttft))),
            E2E = ServerLatency.Of(Merged(windows.Select(w => w.Window.E2E))),
            QueueTime = ServerLatency.Of(Merged(windows.Select(w => w.Window.QueueTime))),
            InterToken = ServerLatency.Of(Merged(windows.Select(w => w.Window.InterToken))),
            CpuMs = Total(windows.Select(w => w.Window.CpuMs)),
            Load = load.Count == 0 ? null : load,
            PeakRunning = load.Count == 0 ? null : load.Max(s => s.Running),
            PeakWaiting = load.Count == 0 ? null : load.Max(s => s.Waiting),
        };
    }

    private static double? Total(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : present.Sum();
    }

    /// <summary>The iterations' histograms added up; null when none has one or their buckets differ.</summary>
    private static HistogramCounts? Merged(IEnumerable<HistogramCounts?> histograms)
    {
        try
        {
            return histograms.OfType<HistogramCounts>().Aggregate((HistogramCounts?)null, (total, next) => total?.Plus(next) ?? next);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
