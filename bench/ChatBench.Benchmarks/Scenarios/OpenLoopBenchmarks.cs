using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// Requests arrive at a rate whatever the answers do (an open loop): what latency do users see, how many requests meet
/// the SLO, and what is the highest rate that does? Each case offers one rate, as a step of the sweep (the rates come
/// from <c>--rates</c>, or a synchronous and a saturating run). The default suite's sweep is short: three rates of two
/// seconds; <see cref="OpenLoopReferenceBenchmarks"/> is the long one.
/// </summary>
[SummarySection(
    8,
    "Open loop: goodput and the highest rate within the SLO",
    "Requests sent at an offered rate (Poisson arrivals unless --arrival says otherwise), latency measured from each request's scheduled send. Goodput: requests per second that met every SLO limit. On the stub, a stub process with finite capacity (32 slots, a FIFO queue) whose saturated throughput is known in advance.",
    Table = TableKind.OpenLoop,
    Chart = ChartKind.OpenLoop)]
[LoadGeneratorRuntime]
[BenchmarkCategory(BenchmarkCategories.OpenLoop)]
[WarmupCount(0)]
[IterationCount(1)]
public class OpenLoopBenchmarks : OpenLoopBenchmark
{
    private const int SweepPoints = 3;

    [ParamsSource(nameof(Steps))]
    public int Step { get; set; } = 1;

    protected override int CurrentStep => Step;

    protected override int Points => SweepPoints;

    protected override double Seconds => 2;

    public static IEnumerable<int> Steps() => OpenLoopSweep.Steps(SweepPoints);

    [Benchmark]
    public Task OfferedRate() => OfferAsync();
}
