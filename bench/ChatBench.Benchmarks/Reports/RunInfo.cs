using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatBench.Benchmarks.Configuration;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// What the last run measured and when, written as <c>run.json</c> next to the reports so that charts and the summary
/// page, even when regenerated later, caption the numbers with their target. Never holds the API key.
/// </summary>
public sealed record RunInfo
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary><c>stub</c> or <c>live</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The live endpoint; null for the embedded stub, whose loopback port means nothing after the run.</summary>
    public string? BaseUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>The stub's time scale (stub runs only).</summary>
    public double? TimeScale { get; init; }

    /// <summary>The stub's jitter seed (stub runs only).</summary>
    public ulong? Seed { get; init; }

    public required DateTimeOffset DateUtc { get; init; }

    public bool Quick { get; init; }

    /// <summary>BenchmarkDotNet's arguments of the run (the filter), so a partial run is recognisable.</summary>
    public IReadOnlyList<string> BenchmarkArguments { get; init; } = [];

    public string? GitCommit { get; init; }

    public int BenchmarkCases { get; init; }

    public int FailedCases { get; init; }

    public static RunInfo Describe(BenchOptions options, IReadOnlyList<string> benchmarkArguments, int benchmarkCases, int failedCases, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stub = options.Target == TargetKind.Stub;
        return new RunInfo
        {
            Target = stub ? "stub" : "live",
            BaseUrl = stub ? null : options.BaseUrl.ToString(),
            Model = options.Model,
            TimeScale = stub ? options.TimeScale : null,
            Seed = stub ? options.Seed : null,
            DateUtc = DateTimeOffset.UtcNow,
            Quick = options.Quick,
            BenchmarkArguments = benchmarkArguments,
            GitCommit = GitCommitOf(repositoryRoot),
            BenchmarkCases = benchmarkCases,
            FailedCases = failedCases,
        };
    }

    /// <summary>One line for chart captions: target, model, date, and the kind of run.</summary>
    public string Caption()
    {
        var target = Target == "stub"
            ? string.Create(CultureInfo.InvariantCulture, $"embedded stub (time scale {TimeScale ?? 1}, seed {Seed ?? 1}), model {Model}")
            : $"live {BaseUrl}, model {Model}";
        var kind = Quick ? "quick run" : "full run";
        var commit = GitCommit is { Length: > 0 } ? $", commit {GitCommit}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{target} · {DateUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {kind}{commit}");
    }

    public void Write(string resultsDirectory)
    {
        Directory.CreateDirectory(resultsDirectory);
        File.WriteAllText(Path.Combine(resultsDirectory, FileName), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>The run described in <paramref name="resultsDirectory"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">run.json exists but is not a run description.</exception>
    public static RunInfo? Read(string resultsDirectory)
    {
        var path = Path.Combine(resultsDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{FileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FileName} is not a ChatBench run description: {e.Message}", e);
        }
    }

    private static string? GitCommitOf(string repositoryRoot)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", repositoryRoot, "rev-parse", "--short=12", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (Win32Exception)
        {
            // No git on the machine (a source archive, a container): the run is still described, without a commit.
            return null;
        }
    }
}
