using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>What the stub's fast path costs per request: the path every other benchmark's requests take.</summary>
[SummarySection(
    9,
    "The stub's own cost",
    "The stub in a process of its own, its CPU time per request read around each batch (Server CPU/req in its report): the fast path every benchmark uses, and in the heavy category WireMock.Net's mapping pipeline for comparison.")]
[BenchmarkCategory(BenchmarkCategories.Stub)]
[StubOnly("measures the cost of its own local stub processes")]
public class StubCostBenchmarks : StubCostBenchmark
{
    protected override string Pipeline => "fast";
}
