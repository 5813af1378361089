using System.Globalization;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Results;

/// <summary>What a run measured, how and when. Never holds the API key.</summary>
public sealed record RunDescription
{
    /// <summary><c>stub</c> or <c>live</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The live endpoint; null for the embedded stub, whose loopback port means nothing after the run.</summary>
    public string? BaseUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>The stub's time scale (stub runs only).</summary>
    public double? TimeScale { get; init; }

    /// <summary>The stub's jitter seed (stub runs only).</summary>
    public ulong? Seed { get; init; }

    /// <summary>The commit the run's code was built from, or null outside a git checkout.</summary>
    public string? Commit { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset DateUtc { get; init; }

    /// <summary>Unmeasured warm-up iterations and measured iterations per case.</summary>
    public required int WarmupIterations { get; init; }

    public required int MeasuredIterations { get; init; }

    /// <summary>BenchmarkDotNet's arguments of the run (the filter), so a partial run is recognisable.</summary>
    public IReadOnlyList<string> BenchmarkArguments { get; init; } = [];

    /// <summary>The workload file the run sent (full path), or null for the built-in mix.</summary>
    public string? Workload { get; init; }

    /// <summary>The recorded latency profile the stub replayed (full path), or null.</summary>
    public string? Profile { get; init; }

    /// <summary>One line for captions and headers: target, model, date, commit.</summary>
    public string Caption()
    {
        var target = Target == "stub"
            ? string.Create(CultureInfo.InvariantCulture, $"embedded stub (time scale {TimeScale ?? 1}, seed {Seed ?? 1}), model {Model}")
            : $"live {BaseUrl}, model {Model}";
        var commit = Commit is { Length: > 0 } ? $", commit {Commit}" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{target} · {DateUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {MeasuredIterations} measured iterations{commit}");
    }
}
