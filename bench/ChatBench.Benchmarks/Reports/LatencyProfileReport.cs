using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Benchmarks.Reports;

/// <summary>
/// <c>latency-profile.json</c>: the provider's latency as a streaming run measured it, made from the run's JSON results
/// (every measured request of <see cref="StreamingBenchmarks"/>, all concurrency levels together), for the stub to replay.
/// </summary>
public static class LatencyProfileReport
{
    public const string FileName = "latency-profile.json";

    /// <summary>Whether <paramref name="results"/> is a streaming run's results with per-request samples to record from.</summary>
    public static bool IsSource(ResultsFile results) =>
        results?.Benchmark.Name == nameof(StreamingBenchmarks) && results.Cases.Any(c => c.Requests is { Count: > 0 });

    public static RecordedProfile Build(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var samples = results.Cases.SelectMany(c => c.Requests ?? []).ToList();
        var ok = samples.Select(r => (Request: r, Latency: RequestLatency.Of(r)!)).Where(s => s.Latency is { Ttft: not null }).ToList();
        return new RecordedProfile
        {
            SchemaVersion = RecordedProfile.CurrentSchemaVersion,
            Target = results.Run.Target,
            BaseUrl = results.Run.BaseUrl,
            Model = results.Run.Model,
            DateUtc = results.Run.DateUtc,
            Commit = results.Run.Commit,
            Workload = results.Run.Workload is { } workload ? Path.GetFileName(workload) : null,
            QuantileGrid = RecordedProfile.StandardGrid,
            Prompts = ok.Where(s => s.Request.Prompt is not null).GroupBy(s => s.Request.Prompt!, StringComparer.Ordinal).Select(g => Group(g.Key, g.First().Request.PromptClass, [.. g])).ToList(),
            Classes = ok.GroupBy(s => s.Request.PromptClass, StringComparer.Ordinal).Select(g => Group(null, g.Key, [.. g])).ToList(),
            TtftByPromptTokens = TtftByUncachedTokens(ok),
            Errors = new RecordedErrors
            {
                Requests = samples.Count,
                Kinds = samples.Where(s => !s.Outcome.Succeeded)
                    .GroupBy(s => s.Outcome.ErrorKind!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => new RecordedErrorKind(g.Count(), (double)g.Count() / samples.Count, Distribution.Quantile([.. g.Select(r => r.E2EMs)], 0.5))),
            },
        };
    }

    /// <summary>
    /// TTFT against the prompt tokens the provider had to prefill: prompt minus cached. A cached turn of a long
    /// conversation answers about as fast as a short prompt; fitted against its whole prompt it would read as a long
    /// prompt that was fast, flatten the slope, and so undercharge every prompt moved along the line and every cached
    /// token a replay takes off or adds back. Against uncached tokens the slope is the prefill cost of one token, which
    /// is what the replay needs; with nothing cached it is the same line as against prompt tokens.
    /// </summary>
    private static FittedLine TtftByUncachedTokens(IEnumerable<(RequestRecord Request, RequestLatency Latency)> ok) => FittedLine.Fit(
        [.. ok.Where(s => s.Request.PromptTokens is not null).Select(s => ((double)(s.Request.PromptTokens!.Value - (s.Request.CachedTokens ?? 0)), s.Latency.Ttft!.Value))]);

    /// <summary>The quantiles on the profile's grid; a sample with no values (ITL of one-token answers) is all zeros.</summary>
    public static double[] Grid(IReadOnlyCollection<double> values) => RecordedProfile.StandardGrid
        .Select(p => values.Count == 0 ? 0 : Math.Round(Distribution.Quantile(values, p), 3))
        .ToArray();

    private static RecordedGroup Group(string? prompt, string promptClass, IReadOnlyList<(RequestRecord Request, RequestLatency Latency)> samples)
    {
        var cached = samples.Where(s => s.Request.CachedTokens is not null).Select(s => s.Request.CachedTokens!.Value).ToList();
        return new()
        {
            Prompt = prompt,
            Class = promptClass,
            PromptTokens = (int)Math.Round(Distribution.Quantile([.. samples.Select(s => (double)(s.Request.PromptTokens ?? 0))], 0.5)),
            Samples = samples.Count,
            MeanCachedTokens = cached.Count == 0 ? null : Math.Round(cached.Average(), 1),
            CacheHitShare = cached.Count == 0 ? null : Math.Round((double)cached.Count(c => c > 0) / cached.Count, 4),
            TtftMs = Grid([.. samples.Select(s => s.Latency.Ttft!.Value)]),
            ItlMs = Grid([.. samples.Where(s => s.Latency.Itl is not null).Select(s => s.Latency.Itl!.Value)]),
            OutputTokens = Grid([.. samples.Select(s => (double)(s.Request.OutputTokens ?? 0))]),
            E2EMs = Grid([.. samples.Select(s => s.Latency.E2E)]),
            // Sorted by end-to-end time: a replay that spreads its draws evenly over the list then spreads them evenly over E2E.
            Requests = Every(samples, Math.Max(1, (int)Math.Ceiling((double)samples.Count / RecordedGroup.MaxRequests)))
                .Select(s => new RecordedRequest(Math.Round(s.Latency.Ttft!.Value, 3), Math.Round(s.Latency.Itl ?? 0, 3), s.Request.OutputTokens ?? 1, s.Request.CachedTokens))
                .OrderBy(r => r.TtftMs + (r.ItlMs * (r.OutputTokens - 1)))
                .ToList(),
        };
    }

    private static IEnumerable<T> Every<T>(IReadOnlyList<T> samples, int step) => samples.Where((_, i) => i % step == 0);
}
