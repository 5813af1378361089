using System.Globalization;
using BenchmarkDotNet.Jobs;

namespace ChatBench.Benchmarks.Configuration;

/// <summary>
/// How the host tells the benchmark processes what to measure: environment variables of BenchmarkDotNet's job, set
/// in each benchmark process only, never in the host's own environment (so runs and tests in one process do not share
/// them). The API key is never copied here: a live child reads it from <see cref="BenchOptions.ApiKeyVariable"/>,
/// which it inherits from the user's environment.
/// </summary>
/// <param name="WorkloadPath">The user's workload file (full path), or null for the built-in mix.</param>
/// <param name="ProfilePath">The recorded latency profile the stub replays (full path), or null for its latency model.</param>
/// <param name="ReplayErrors">Whether the replay injects the recorded errors.</param>
/// <param name="MaxErrorRate">The share of failed requests a batch may have and still count.</param>
public sealed record TargetEnvironment(
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
    public const string TargetVariable = "CHATBENCH_TARGET";
    public const string BaseUrlVariable = "CHATBENCH_BASE_URL";
    public const string ModelVariable = "CHATBENCH_MODEL";
    public const string TimeScaleVariable = "CHATBENCH_TIME_SCALE";
    public const string SeedVariable = "CHATBENCH_SEED";
    public const string RecordsVariable = "CHATBENCH_RECORDS";
    public const string ArrivalVariable = "CHATBENCH_ARRIVAL";
    public const string RatesVariable = "CHATBENCH_RATES";
    public const string SloVariable = "CHATBENCH_SLO";
    public const string WorkloadVariable = "CHATBENCH_WORKLOAD";
    public const string ProfileVariable = "CHATBENCH_PROFILE";
    public const string ReplayErrorsVariable = "CHATBENCH_REPLAY_ERRORS";
    public const string MaxErrorRateVariable = "CHATBENCH_MAX_ERROR_RATE";

    /// <summary>The open-loop options; the defaults unless the run asked for others.</summary>
    public OpenLoopOptions OpenLoop { get; init; } = OpenLoopOptions.Default;

    /// <summary>The variables for <see cref="JobExtensions.WithEnvironmentVariables(Job, EnvironmentVariable[])"/>.</summary>
    public EnvironmentVariable[] ToJobVariables() =>
    [
        new(TargetVariable, Target == TargetKind.Live ? "live" : "stub"),
        new(BaseUrlVariable, BaseUrl.ToString()),
        new(ModelVariable, Model),
        new(TimeScaleVariable, TimeScale.ToString("R", CultureInfo.InvariantCulture)),
        new(SeedVariable, Seed.ToString(CultureInfo.InvariantCulture)),
        new(RecordsVariable, RecordsDirectory),
        new(ArrivalVariable, OpenLoop.Arrival.ToString()),
        new(RatesVariable, OpenLoop.Rates is { } rates ? OpenLoopOptions.FormatRates(rates) : "sweep"),
        new(SloVariable, OpenLoop.Slo.ToString()),

        // Optional ones only when set, so a default run's jobs are what they always were.
        .. Optional(WorkloadVariable, WorkloadPath),
        .. Optional(ProfileVariable, ProfilePath),
        .. Optional(ReplayErrorsVariable, ReplayErrors ? "1" : null),
        .. Optional(MaxErrorRateVariable, MaxErrorRate > 0 ? MaxErrorRate.ToString("R", CultureInfo.InvariantCulture) : null),
    ];

    /// <summary>Reads what the job set in this benchmark process; run outside the host, a clear error instead of guesses.</summary>
    public static TargetEnvironment Import()
    {
        var target = Required(TargetVariable) switch
        {
            "live" => TargetKind.Live,
            "stub" => TargetKind.Stub,
            var other => throw new InvalidOperationException($"{TargetVariable} must be 'stub' or 'live', not '{other}'."),
        };
        return new TargetEnvironment(
            target,
            new Uri(Required(BaseUrlVariable)),
            Required(ModelVariable),
            double.Parse(Required(TimeScaleVariable), CultureInfo.InvariantCulture),
            ulong.Parse(Required(SeedVariable), CultureInfo.InvariantCulture),
            Required(RecordsVariable),
            Environment.GetEnvironmentVariable(WorkloadVariable) is { Length: > 0 } workload ? workload : null,
            Environment.GetEnvironmentVariable(ProfileVariable) is { Length: > 0 } profile ? profile : null,
            Environment.GetEnvironmentVariable(ReplayErrorsVariable) == "1",
            Environment.GetEnvironmentVariable(MaxErrorRateVariable) is { Length: > 0 } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 0)
        {
            OpenLoop = ImportOpenLoop(),
        };
    }

    /// <summary>The open-loop options as the job wrote them; a variable left unset keeps its default.</summary>
    private static OpenLoopOptions ImportOpenLoop()
    {
        var options = OpenLoopOptions.Default;
        if (Environment.GetEnvironmentVariable(ArrivalVariable) is { Length: > 0 } arrivalText)
        {
            options = options with { Arrival = ArrivalProcess.TryParse(arrivalText, out var arrival) ? arrival : throw Invalid(ArrivalVariable, arrivalText) };
        }

        if (Environment.GetEnvironmentVariable(RatesVariable) is { Length: > 0 } ratesText && ratesText != "sweep")
        {
            options = options with { Rates = OpenLoopOptions.ParseRates(ratesText) ?? throw Invalid(RatesVariable, ratesText) };
        }

        if (Environment.GetEnvironmentVariable(SloVariable) is { Length: > 0 } sloText)
        {
            options = options with { Slo = SloLimits.TryParse(sloText, out var slo) ? slo : throw Invalid(SloVariable, sloText) };
        }

        if (Environment.GetEnvironmentVariable(MaxErrorRateVariable) is { Length: > 0 } errorText)
        {
            options = options with { MaxErrorRate = double.Parse(errorText, CultureInfo.InvariantCulture) };
        }

        return options;
    }

    private static InvalidOperationException Invalid(string name, string value) => new($"{name} holds '{value}', which this ChatBench cannot read.");

    private static EnvironmentVariable[] Optional(string name, string? value) => value is null ? [] : [new(name, value)];

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run benchmarks through 'dotnet run -c Release --project bench/ChatBench.Benchmarks', which sets it.");
}
