using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// What the stub's fast path costs per request: the path every other benchmark's requests take. Heavy: its warm-up
/// alone (a fresh stub process settling out of JIT, twice) is a quarter of a minute, more than the five-minute default
/// suite has room for; the reference run measures it with the heavy classes.
/// </summary>
[SummarySection(
    9,
    "The stub's own cost",
    "The stub in a process of its own, its CPU time per request read around each batch (Server CPU/req in its report): the fast path every benchmark uses, and WireMock.Net's mapping pipeline for comparison (both in the heavy category).")]
[BenchmarkCategory(BenchmarkCategories.Stub, BenchmarkCategories.Heavy)]
[StubOnly("measures the cost of its own local stub processes")]
public class StubCostBenchmarks : StubCostBenchmark
{
    /// <summary>The stub with its <c>/metrics</c> recording on and off: what vLLM's metrics cost a request.</summary>
    [Params(true, false)]
    public bool Metrics { get; set; } = true;

    protected override StubPipeline Pipeline => StubPipeline.FastPath;

    protected override bool ServesMetrics => Metrics;
}
