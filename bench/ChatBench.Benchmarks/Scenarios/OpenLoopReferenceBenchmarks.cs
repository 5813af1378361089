using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The long open-loop sweep, for the reference results: twelve rates of eight seconds each, fine enough around the
/// knee to check it against the stub's capacity. Heavy: <c>--allCategories heavy</c>.
/// </summary>
[SummarySection(
    9,
    "Open loop, reference sweep: the knee against the stub's capacity",
    "The same open loop as the default sweep, with twelve rates of eight seconds: the highest rate within the SLO, interpolated between measured rates, against the stub's theoretical capacity (slots / mean service time at a full batch).",
    Table = TableKind.OpenLoop,
    Chart = ChartKind.OpenLoop)]
[LoadGeneratorRuntime]
[BenchmarkCategory(BenchmarkCategories.OpenLoop, BenchmarkCategories.Heavy)]
[WarmupCount(0)]
[IterationCount(1)]
public class OpenLoopReferenceBenchmarks : OpenLoopBenchmark
{
    private const int SweepPoints = 12;

    [ParamsSource(nameof(Steps))]
    public int Step { get; set; } = 1;

    protected override int CurrentStep => Step;

    protected override int Points => SweepPoints;

    protected override double Seconds => 8;

    public static IEnumerable<int> Steps() => OpenLoopSweep.Steps(SweepPoints);

    [Benchmark]
    public Task OfferedRate() => OfferAsync();
}
