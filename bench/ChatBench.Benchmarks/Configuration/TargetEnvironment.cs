using System.Globalization;

namespace ChatBench.Benchmarks.Configuration;

/// <summary>
/// How the host tells the benchmark processes what to measure. BenchmarkDotNet runs each benchmark in a child process
/// that inherits the host's environment, so the host sets these variables before it starts any benchmark.
/// The API key is never copied here: a live child reads it from <see cref="BenchOptions.ApiKeyVariable"/> itself.
/// </summary>
public sealed record TargetEnvironment(TargetKind Target, Uri BaseUrl, string Model, double TimeScale, ulong Seed, string RecordsDirectory)
{
    public const string TargetVariable = "CHATBENCH_TARGET";
    public const string BaseUrlVariable = "CHATBENCH_BASE_URL";
    public const string ModelVariable = "CHATBENCH_MODEL";
    public const string TimeScaleVariable = "CHATBENCH_TIME_SCALE";
    public const string SeedVariable = "CHATBENCH_SEED";
    public const string RecordsVariable = "CHATBENCH_RECORDS";

    public void Export()
    {
        Environment.SetEnvironmentVariable(TargetVariable, Target == TargetKind.Live ? "live" : "stub");
        Environment.SetEnvironmentVariable(BaseUrlVariable, BaseUrl.ToString());
        Environment.SetEnvironmentVariable(ModelVariable, Model);
        Environment.SetEnvironmentVariable(TimeScaleVariable, TimeScale.ToString("R", CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable(SeedVariable, Seed.ToString(CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable(RecordsVariable, RecordsDirectory);
    }

    /// <summary>Reads what the host exported; a benchmark run outside the host gets a clear error instead of guesses.</summary>
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
            Required(RecordsVariable));
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run benchmarks through 'dotnet run -c Release --project bench/ChatBench.Benchmarks', which sets it.");
}
