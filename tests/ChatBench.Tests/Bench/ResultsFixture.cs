using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A temporary results folder holding small JSON results files, written by the same <see cref="ResultsJson"/> the
/// exporter uses: the seed scenario, batches, bounded concurrency, streaming and a class without a summary section.
/// </summary>
public sealed class ResultsFixture : IDisposable
{
    public static readonly RunDescription Run = new()
    {
        Target = "stub",
        Model = "gpt-4o",
        TimeScale = 0.1,
        Seed = 1,
        Commit = "7f4182f00000",
        DateUtc = new DateTimeOffset(2026, 11, 25, 4, 30, 0, TimeSpan.Zero),
        WarmupIterations = 1,
        MeasuredIterations = 3,
    };

    public ResultsFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("chatbench-results-").FullName;
    }

    public string Directory { get; }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Every section of the summary page, as a successful full stub run leaves them.</summary>
    public ResultsFixture WithEverything()
    {
        Write("SeedScenarioBenchmarks", new SummaryPlacement(1, "Two questions", "Long and short.", ChartKind.Timeline, null), [Seed("Synchronous", 272.7, baseline: true, concurrent: false), Seed("Concurrent", 217.5, baseline: false, concurrent: true)]);
        var batch = new SummaryPlacement(2, "Batches", "By size.", ChartKind.Scaling, "BatchSize");
        Write("BatchBenchmarks", batch, [.. new[] { 1, 10, 100 }.SelectMany(n => new[] { Case("Sequential", n * 140.0 * 1.03, n * 140.0, baseline: true, ("BatchSize", n)), Case("WhenAll", 220 + (n * 0.3), 220, baseline: false, ("BatchSize", n)) })]);
        Write("LargeBatchBenchmarks", batch with { Order = 3 }, [Case("WhenAll", 1310.4, 220, baseline: true, ("BatchSize", 1000))]);
        Write("BoundedConcurrencyBenchmarks", new SummaryPlacement(4, "Bounded", "By k.", ChartKind.BoundedScaling, "MaxInFlight"), [.. new[] { 10, 25, 100 }.Select(k => Case("SemaphoreSlim", (14000.0 / k) + 90, (14000.0 / k) + 80, baseline: false, ("MaxInFlight", k)))]);
        Write("StreamingBenchmarks", new SummaryPlacement(5, "Streaming", "Percentiles.", ChartKind.LatencyPercentiles, "Concurrency"), [Streaming(1, 45.1), Streaming(100, 51.7)]);
        Write("RateLimitBenchmarks", null, [Case("WithRetries", 310.5, null, baseline: true)]);
        return this;
    }

    public void Write(string name, SummaryPlacement? placement, IReadOnlyList<CaseResult> cases) => ResultsJson.Write(
        new ResultsFile
        {
            SchemaVersion = ResultsFile.CurrentSchemaVersion,
            Run = Run,
            Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios." + name, Name = name, Summary = placement },
            Cases = cases,
        },
        Directory);

    public static CaseResult Case(string method, double? mean, double? ideal, bool baseline, params (string Name, int Value)[] parameters) => new()
    {
        Method = method,
        Parameters = parameters.ToDictionary(p => p.Name, p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Baseline = baseline,
        Success = mean is not null,
        IterationsMs = mean is { } m ? [m - 1, m, m + 1] : [],
        Statistics = mean is { } s ? new CaseStatistics(3, s, s, 1, s - 1, s + 1) : null,
        IdealMs = ideal,
        Efficiency = mean is { } e && ideal is { } i ? i / e : null,
    };

    private static CaseResult Seed(string method, double mean, bool baseline, bool concurrent)
    {
        RequestRecord[] requests = concurrent
            ? [Answered(0, "hockey-players", 0.1, 215, 147), Answered(1, "two-plus-two", 0.5, 55.5, 6)]
            : [Answered(0, "hockey-players", 0.1, 215, 147), Answered(1, "two-plus-two", 215.2, 270.2, 6)];
        var first = concurrent ? 1 : 0;
        return Case(method, mean, concurrent ? 211.0 : 262.8, baseline) with
        {
            MedianIteration = requests,
            Iterations = [.. Enumerable.Range(0, 3).Select(_ => new IterationResult { Requests = 2, Failed = 0, SpanMs = 215, FirstAnswered = first })],
        };
    }

    public static RequestRecord Answered(int index, string promptClass, double startMs, double endMs, int tokens) =>
        new() { Index = index, PromptClass = promptClass, StartMs = startMs, EndMs = endMs, OutputTokens = tokens, Outcome = RequestOutcome.Answered };

    private static CaseResult Streaming(int concurrency, double ttft) => Case("Streams", 200 + concurrency, 190, baseline: false, ("Concurrency", concurrency)) with
    {
        Latency = new CaseLatency(
            20, 20, new Dictionary<string, int>(), new Distribution(20, ttft, ttft + 5, ttft + 10, ttft + 1, ttft + 12), null,
            new Distribution(20, 180, 215, 221, 185, 222), null, null, null, null, 100, 1500),
    };

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
