using ChatBench.Benchmarks.Options;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Benchmarks.Targets;

/// <summary>
/// What a benchmark process talks to: an endpoint, a model, a key, and for the stub the ground truth it was configured
/// with, rebuilt from the same settings the host started the stub with.
/// </summary>
public sealed class BenchTarget
{
    /// <summary>The stub does not check keys unless asked to; the SDK still needs one to send.</summary>
    public const string StubApiKey = "chatbench-stub";

    private BenchTarget(TargetKind kind, Uri baseUrl, string model, string apiKey, LatencyProfile? groundTruth)
    {
        Kind = kind;
        BaseUrl = baseUrl;
        Model = model;
        ApiKey = apiKey;
        GroundTruth = groundTruth;
    }

    public TargetKind Kind { get; }

    public Uri BaseUrl { get; }

    public string Model { get; }

    /// <summary>The secret for a live target: pass it to the client, never print or record it.</summary>
    internal string ApiKey { get; }

    /// <summary>The stub's latency model, or null for a live target, whose latencies are only known by measuring.</summary>
    public LatencyProfile? GroundTruth { get; }

    /// <summary>The run's open-loop options: arrivals, rates, SLO, error limit.</summary>
    public OpenLoopOptions OpenLoop { get; private init; } = OpenLoopOptions.Default;

    public static BenchTarget From(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target == TargetKind.Stub)
        {
            var profile = StubProfile(settings.TimeScale, settings.Seed, settings.ProfilePath, settings.ReplayErrors);
            return new BenchTarget(TargetKind.Stub, settings.BaseUrl, settings.Model, StubApiKey, profile) { OpenLoop = settings.OpenLoop };
        }

        var key = Environment.GetEnvironmentVariable(BenchOptions.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"{BenchOptions.ApiKeyVariable} is not set: export your API key in it to run against a live endpoint.");
        }

        return new BenchTarget(TargetKind.Live, settings.BaseUrl, settings.Model, key.Trim(), null) { OpenLoop = settings.OpenLoop };
    }

    /// <summary>A stub a benchmark started for itself, with the profile it was started with.</summary>
    public static BenchTarget ForStub(Uri baseUrl, string model, LatencyProfile profile) => new(TargetKind.Stub, baseUrl, model, StubApiKey, profile);

    /// <summary>The stub's profile for a run: the defaults, scaled and seeded. The host and every benchmark use this one.</summary>
    public static LatencyProfile StubProfile(double timeScale, ulong seed) => LatencyProfile.Default with { TimeScale = timeScale, Seed = seed };

    /// <summary>The same, replaying a recorded profile when <paramref name="recordedProfile"/> is given: host and benchmarks read the same file.</summary>
    public static LatencyProfile StubProfile(double timeScale, ulong seed, string? recordedProfile, bool replayErrors) => recordedProfile is null
        ? StubProfile(timeScale, seed)
        : StubProfile(timeScale, seed) with { Replay = new ProfileReplay(RecordedProfileFile.Read(recordedProfile), replayErrors) };
}
