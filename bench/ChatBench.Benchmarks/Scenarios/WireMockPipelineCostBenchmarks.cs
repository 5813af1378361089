using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The same batches through WireMock.Net's full mapping pipeline (<c>--pipeline wiremock</c>): what the fast path saves.
/// Heavy, since no other benchmark uses it: <c>--allCategories heavy</c>.
/// </summary>
[SummarySection(9, "The stub's own cost", "")]
[BenchmarkCategory(BenchmarkCategories.Stub, BenchmarkCategories.Heavy)]
[StubOnly("measures the cost of its own local stub processes")]
public class WireMockPipelineCostBenchmarks : StubCostBenchmark
{
    protected override StubPipeline Pipeline => StubPipeline.WireMockMapping;
}
