using System.Diagnostics;
using System.Text.Json;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// The rates of a sweep without <c>--rates</c>, found as GuideLLM's <c>sweep</c> finds them: a synchronous run (one
/// request at a time) gives the lowest rate worth offering, a saturating run (many in flight) the most the target
/// completes; the sweep's points are evenly spaced from the one to <see cref="Overshoot"/> times the other, so the knee
/// lies inside. Probed once per run and class, by the first benchmark process, and kept in the run's records folder.
/// </summary>
public sealed record OpenLoopSweep(double SynchronousRate, double SaturatedThroughput)
{
    public const double Overshoot = 1.2;

    /// <summary>
    /// A live sweep without --rates offers evenly spaced rates up to this, without probing, so that the plan counts
    /// exactly what it sends; --rates offers others.
    /// </summary>
    public const double LiveCeiling = 10;

    private static readonly TimeSpan SynchronousRun = TimeSpan.FromSeconds(1);

    public double RateAt(int step, int points) => SynchronousRate + ((Overshoot * SaturatedThroughput) - SynchronousRate) * step / points;

    /// <summary>Step numbers 1..N: one per <c>--rates</c> value of the run, else <paramref name="points"/>.</summary>
    /// <remarks>
    /// BenchmarkDotNet asks a static parameter source for the steps while it builds the cases, where no instance can
    /// carry the run's settings: so the count comes from <see cref="RunSettings.Current"/>, and each benchmark process
    /// maps its step to a rate from the same settings.
    /// </remarks>
    public static IEnumerable<int> Steps(int points) => Enumerable.Range(1, RunSettings.Current.OpenLoop.Rates?.Count ?? points);

    /// <summary>The rate a step offers on a live target: its --rates value, else a share of <see cref="LiveCeiling"/>.</summary>
    public static double LiveRate(IReadOnlyList<double>? rates, int step, int points) =>
        rates is not null ? rates[Math.Min(step, rates.Count) - 1] : LiveCeiling * step / points;

    /// <summary>The run's sweep: read from <paramref name="directory"/>, or probed with <paramref name="sendOne"/> and kept there.</summary>
    public static async Task<OpenLoopSweep> FindAsync(string directory, string name, Func<Task> sendOne, int saturatingConcurrency)
    {
        ArgumentNullException.ThrowIfNull(sendOne);
        var path = Path.Combine(directory, $"open-loop-sweep-{name}.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<OpenLoopSweep>(await File.ReadAllTextAsync(path))!;
        }

        var clock = Stopwatch.StartNew();
        var sequential = 0;
        while (clock.Elapsed < SynchronousRun || sequential < 3)
        {
            await sendOne();
            sequential++;
        }

        var synchronous = sequential / clock.Elapsed.TotalSeconds;

        // Long enough for a dozen answers per worker; completions in the first third (the ramp) do not count.
        var window = Math.Max(2, 12 / synchronous);
        var counted = 0;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, saturatingConcurrency).Select(async _ =>
        {
            while (clock.Elapsed.TotalSeconds < window)
            {
                await sendOne();
                if (clock.Elapsed.TotalSeconds is var at && at >= window / 3 && at < window)
                {
                    Interlocked.Increment(ref counted);
                }
            }
        }));
        var sweep = new OpenLoopSweep(synchronous, counted / (window * 2 / 3));
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(sweep));
        return sweep;
    }
}
