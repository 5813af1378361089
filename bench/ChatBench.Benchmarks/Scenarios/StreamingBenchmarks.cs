using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// Streaming requests (the batch mix: one long prompt in four) with at most <see cref="Concurrency"/> streams open at a
/// time: 1 is one after the other. What matters here is not only the wall time but how soon the first token arrives
/// (TTFT) and how steadily the rest follow (ITL), per request, as percentiles: see the -latency reports.
/// </summary>
[SummarySection(
    5,
    "Streaming: time to first token and end-to-end latency",
    "Per streaming case (concurrency level), the 50th, 90th and 99th percentiles over every measured request: time to first token (TTFT) and time to the last token (E2E).",
    Chart = ChartKind.LatencyPercentiles,
    XParameter = nameof(Concurrency))]
[BenchmarkCategory(BenchmarkCategories.Streaming)]
public class StreamingBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>Every level sends at least this many streams per call, so each case has enough samples for percentiles.</summary>
    public const int MinimumRequests = 20;

    private IReadOnlyList<PlannedPrompt> prompts = [];
    private int iteration;

    [Params(1, 10, 100)]
    public int Concurrency { get; set; }

    private int Requests => Math.Max(MinimumRequests, Concurrency);

    public RequestBudget Budget(RunSettings settings, string method) => RequestBudget.Batch(PromptMix.Batch(Requests));

    [Benchmark]
    [IdealSchedule(ScheduleKind.Bounded, WorkersParameter = nameof(Concurrency))]
    public Task Streams() => RunBatchAsync(
        prompts.Count,
        batch => BatchStrategies.BoundedAsync(prompts, Concurrency, prompt => SdkStreaming.SendAsync(prompt, batch)));

    /// <summary>With a workload or a replayed profile, the next iteration's requests get seeds of their own, planned outside the measured time.</summary>
    [IterationSetup]
    public void NextSeeds()
    {
        if (FreshSeedsPerIteration)
        {
            prompts = PlannedPrompt.For(Workload.Take(Requests, (long)iteration++ * Requests), Target.GroundTruth);
        }
    }

    protected override void Setup() => prompts = PlannedPrompt.For(Workload.Take(Requests), Target.GroundTruth);
}
