using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Options;

/// <summary>What the user asked for on the command line, minus BenchmarkDotNet's own arguments.</summary>
public sealed record BenchOptions
{
    public const string DefaultLiveBaseUrl = "https://api.aimlapi.com/v1";
    public const string DefaultModel = "gpt-4o";
    public const string ApiKeyVariable = "AIMLAPI_API_KEY";

    /// <summary>
    /// The suite's default: every stub latency divided by ten, so the whole default suite fits in five minutes on two
    /// cores. Ratios and efficiencies keep their meaning; <c>--time-scale 1</c> runs at real speed.
    /// </summary>
    public const double DefaultTimeScale = 0.1;

    public const int DefaultMaxRequests = 200;

    public const ulong DefaultSeed = 1;

    /// <summary>With <c>--compare</c>: a relative change below this is no change.</summary>
    public const double DefaultThreshold = 0.05;

    /// <summary>With <c>--compare</c>: an absolute change below this many milliseconds is no change.</summary>
    public const double DefaultNoiseMs = 1;

    /// <summary>
    /// A live run's default share of failed requests a case may have and still report: providers answer the odd 429 or
    /// 5xx, and one of them should not throw away a paid run; 2 % is above what a healthy provider fails and still
    /// too few to move a p90. The stub never fails unasked, so there the default is 0.
    /// </summary>
    public const double DefaultLiveMaxErrorRate = 0.02;

    public TargetKind Target { get; init; } = TargetKind.Stub;

    public double TimeScale { get; init; } = DefaultTimeScale;

    public ulong Seed { get; init; } = DefaultSeed;

    public Uri BaseUrl { get; init; } = new(DefaultLiveBaseUrl);

    public string Model { get; init; } = DefaultModel;

    /// <summary>A live run refuses to start when it would send more requests than this.</summary>
    public int MaxRequests { get; init; } = DefaultMaxRequests;

    /// <summary>One warm-up and three measured iterations instead of the full job.</summary>
    public bool Quick { get; init; }

    /// <summary>Regenerate results/SUMMARY.md and its charts from the files already there; run no benchmark.</summary>
    public bool ReportOnly { get; init; }

    /// <summary>The baseline results folder of <c>--compare</c>: compare it with the results folder; run no benchmark.</summary>
    public string? CompareBaseline { get; init; }

    /// <summary>A relative change of a median below this fraction is no change (<c>--threshold</c>, default 5 %).</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>An absolute change below this many milliseconds is no change (<c>--noise</c>, default 1 ms).</summary>
    public double NoiseMs { get; init; } = DefaultNoiseMs;

    /// <summary>With <c>--compare</c>: exit with <see cref="ExitCodes.Regression"/> when any case is slower.</summary>
    public bool FailOnRegression { get; init; }

    /// <summary>Where the reports go; by default the repository's <c>results/</c>.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>Arrivals, rates, SLO and error limit of the open-loop benchmarks.</summary>
    public OpenLoopOptions OpenLoop { get; init; } = OpenLoopOptions.Default;

    /// <summary>A workload file (JSON Lines) the batch, bounded and streaming benchmarks send instead of the built-in mix.</summary>
    public string? Workload { get; init; }

    /// <summary>
    /// Synthetic conversations (<c>--sessions</c>), drawn from <see cref="Seed"/>; null when not given. A workload file's
    /// own sessions exclude them; with a file of single requests they compose: the file's requests for the single-request
    /// benchmarks, these sessions for the conversations.
    /// </summary>
    public SyntheticSessions? Sessions { get; init; }

    /// <summary>Conversations: the prompt size (with max_tokens) the harness keeps each turn within by dropping the oldest turns; null sends the whole history.</summary>
    public int? ContextWindow { get; init; }

    /// <summary>A recorded latency profile the embedded stub replays instead of its latency model.</summary>
    public string? Profile { get; init; }

    /// <summary>With <see cref="Profile"/>: replay the recorded errors at their recorded rates.</summary>
    public bool ReplayErrors { get; init; }

    /// <summary>The share of failed requests in [0, 1] a case may have and still report its numbers, failures counted per kind.</summary>
    public double MaxErrorRate { get; init; }

    /// <summary>Arguments for BenchmarkDotNet itself (<c>--filter</c>, <c>--list</c>, ...), passed through unchanged.</summary>
    public IReadOnlyList<string> BenchmarkDotNetArguments { get; init; } = [];
}
