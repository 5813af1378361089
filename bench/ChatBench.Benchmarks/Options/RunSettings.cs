using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Jobs;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// What every benchmark process of a run measures, and how: the one contract between the host and its benchmark
/// processes. The host sends it as one job variable (<see cref="JobVariable"/>, JSON) set in each benchmark process
/// only, never in the host's own environment; a benchmark process reads it once, at start. The API key is never in it:
/// a live benchmark process reads the key from <see cref="BenchOptions.ApiKeyVariable"/>, inherited from the user.
/// </summary>
/// <param name="RecordsDirectory">Where the benchmark processes write their per-request records.</param>
/// <param name="WorkloadPath">The user's workload file (full path), or null for the built-in mix.</param>
/// <param name="ProfilePath">The recorded latency profile the stub replays (full path), or null for its latency model.</param>
/// <param name="ReplayErrors">Whether the replay injects the recorded errors.</param>
/// <param name="MaxErrorRate">The share of failed requests a case may have and still report its numbers.</param>
public sealed record RunSettings(
    TargetKind Target,
    Uri BaseUrl,
    string Model,
    double TimeScale,
    ulong Seed,
    string RecordsDirectory,
    string? WorkloadPath = null,
    string? ProfilePath = null,
    bool ReplayErrors = false,
    double MaxErrorRate = 0)
{
    public const string JobVariable = "CHATBENCH_RUN";

    // Burstiness is infinite for constant arrivals; enums by name so the variable reads as what it means.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly AsyncLocal<RunSettings?> HostSettings = new();

    /// <summary>The open-loop options: arrivals, rates, SLO and the error share that stops a sweep.</summary>
    public OpenLoopOptions OpenLoop { get; init; } = OpenLoopOptions.Default;

    /// <summary>
    /// The run's settings where no instance can carry them: BenchmarkDotNet asks static parameter sources (a sweep's
    /// steps) while it builds the cases, in the host and in each benchmark process. In the host they are the ones
    /// <see cref="UseInHost"/> set for the current flow; in a benchmark process, its job variable; else the defaults.
    /// </summary>
    public static RunSettings Current => HostSettings.Value ?? FromVariable() ?? Defaults;

    /// <summary>A stub run with every default, for planning when no run is being made.</summary>
    public static RunSettings Defaults { get; } = From(new BenchOptions(), new Uri(BenchOptions.DefaultLiveBaseUrl), Path.GetTempPath());

    /// <summary>The settings of a run of <paramref name="options"/> against <paramref name="baseUrl"/>.</summary>
    public static RunSettings From(BenchOptions options, Uri baseUrl, string recordsDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RunSettings(options.Target, baseUrl, options.Model, options.TimeScale, options.Seed, recordsDirectory, options.Workload, options.Profile, options.ReplayErrors, options.MaxErrorRate)
        {
            OpenLoop = options.OpenLoop,
        };
    }

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
        HostSettings.Value ?? FromVariable() ?? throw new InvalidOperationException($"{JobVariable} is not set: run benchmarks through 'dotnet run -c Release --project bench/ChatBench.Benchmarks', which sets it.");

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

    private static RunSettings? FromVariable() =>
        Environment.GetEnvironmentVariable(JobVariable) is { Length: > 0 } json ? Parse(json) : null;

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
