using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Jobs;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// What every benchmark process of a run measures, and how: the one contract between the host and its benchmark
/// processes, the run's <see cref="BenchOptions"/> whole with the target's address and the records folder. The host
/// sends it as one job variable (<see cref="JobVariable"/>, JSON) set in each benchmark process only, never in the
/// host's own environment; a benchmark process reads it once. An option added to <see cref="BenchOptions"/> reaches
/// every benchmark process with nothing else to write. The API key is never in it: a live benchmark process reads the
/// key from <see cref="BenchOptions.ApiKeyVariable"/>, inherited from the user.
/// </summary>
/// <param name="Options">What the user asked for, checked (files as full paths) and with its context defaults.</param>
/// <param name="BaseUrl">Where the target listens: the embedded stub's address, or the live endpoint.</param>
/// <param name="RecordsDirectory">Where the benchmark processes write their per-request records.</param>
public sealed record RunSettings(BenchOptions Options, Uri BaseUrl, string RecordsDirectory)
{
    public const string JobVariable = "CHATBENCH_RUN";

    // Burstiness is infinite for constant arrivals; enums by name so the variable reads as what it means.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly AsyncLocal<RunSettings?> HostSettings = new();

    // A benchmark process's settings never change: its job variable is read once.
    private static readonly Lazy<RunSettings?> JobSettings = new(() =>
        Environment.GetEnvironmentVariable(JobVariable) is { Length: > 0 } json ? Parse(json) : null);

    /// <summary>True when the host found the target's <c>/metrics</c> readable: the benchmark processes then scrape it around every call.</summary>
    public bool ScrapesServerMetrics { get; init; }

    [JsonIgnore]
    public TargetKind Target => Options.Target;

    [JsonIgnore]
    public string Model => Options.Model;

    [JsonIgnore]
    public double TimeScale => Options.TimeScale;

    [JsonIgnore]
    public ulong Seed => Options.Seed;

    /// <summary>The user's workload file (full path), or null for the built-in mix.</summary>
    [JsonIgnore]
    public string? WorkloadPath => Options.Workload;

    /// <summary>The synthetic sessions asked for with <c>--sessions</c>, or null.</summary>
    [JsonIgnore]
    public SyntheticSessions? Sessions => Options.Sessions;

    public int? ContextWindow => Options.ContextWindow;

    /// <summary>The recorded latency profile the stub replays (full path), or null for its latency model.</summary>
    [JsonIgnore]
    public string? ProfilePath => Options.Profile;

    [JsonIgnore]
    public bool ReplayErrors => Options.ReplayErrors;

    /// <summary>The share of failed requests a case may have and still report its numbers.</summary>
    [JsonIgnore]
    public double MaxErrorRate => Options.MaxErrorRate;

    /// <summary>The open-loop options: arrivals, rates, SLO and the error share that stops a sweep.</summary>
    [JsonIgnore]
    public OpenLoopOptions OpenLoop => Options.OpenLoop;

    /// <summary>
    /// The run's settings where no instance can carry them: BenchmarkDotNet asks static parameter sources (a sweep's
    /// steps) while it builds the cases, in the host and in each benchmark process. In the host they are the ones
    /// <see cref="UseInHost"/> set for the current flow; in a benchmark process, its job variable; else the defaults.
    /// </summary>
    public static RunSettings Current => HostSettings.Value ?? JobSettings.Value ?? Defaults;

    /// <summary>A stub run with every default, for planning when no run is being made.</summary>
    public static RunSettings Defaults { get; } = From(new BenchOptions(), new Uri(BenchOptions.DefaultLiveBaseUrl), Path.GetTempPath());

    /// <summary>The settings of a run of <paramref name="options"/> against <paramref name="baseUrl"/>.</summary>
    public static RunSettings From(BenchOptions options, Uri baseUrl, string recordsDirectory) => new(options, baseUrl, recordsDirectory);

    /// <summary>Makes these the <see cref="Current"/> settings of this flow in the host until disposed.</summary>
    public IDisposable UseInHost()
    {
        var previous = HostSettings.Value;
        HostSettings.Value = this;
        return new Restore(() => HostSettings.Value = previous);
    }

    /// <summary>The one variable for <see cref="JobExtensions.WithEnvironmentVariables(Job, EnvironmentVariable[])"/>.</summary>
    public EnvironmentVariable ToJobVariable() => new(JobVariable, JsonSerializer.Serialize(this, Json));

    /// <summary>
    /// The settings a benchmark process was started with (in-process, the host's for this flow); run outside the host,
    /// a clear error instead of guesses.
    /// </summary>
    public static RunSettings FromJob() =>
        HostSettings.Value ?? JobSettings.Value ?? throw new InvalidOperationException($"{JobVariable} is not set: run benchmarks through 'dotnet run -c Release --project bench/ChatBench.Benchmarks', which sets it.");

    public static RunSettings Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RunSettings>(json, Json) ?? throw new InvalidOperationException($"{JobVariable} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{JobVariable} holds settings this ChatBench cannot read ({e.Message}).", e);
        }
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
