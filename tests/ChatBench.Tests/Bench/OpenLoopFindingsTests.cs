using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

/// <summary>The summary page states an open-loop sweep's answer in one sentence, with the stub's capacity beside it.</summary>
public sealed class OpenLoopFindingsTests
{
    [Fact]
    public void The_highest_rate_within_the_slo_is_one_sentence_with_the_stub_capacity()
    {
        var findings = OpenLoopFindings.For(Sweep(new OpenLoopResult { Slo = "ttft=200ms", Attainment = 0.9, HighestRateWithinSlo = 198.04, Bound = SloSearch.Interpolated, StubCapacity = 215.5, Stopped = "stopped after 240 req/s: over-saturated" })).ToList();

        Assert.StartsWith("Highest rate within the SLO: 198.0 req/s (the stub's capacity: 215.5 req/s).", findings[0], StringComparison.Ordinal);
        Assert.Contains("-8.1%", findings[1], StringComparison.Ordinal);
        Assert.Equal("The sweep stopped early: stopped after 240 req/s: over-saturated.", findings[2]);
    }

    [Fact]
    public void A_sweep_whose_highest_rate_still_met_the_slo_claims_no_knee()
    {
        var findings = OpenLoopFindings.For(Sweep(new OpenLoopResult { Slo = "ttft=200ms", Attainment = 0.9, HighestRateWithinSlo = 236.7, Bound = SloSearch.AtLeast, StubCapacity = 215.5 })).ToList();

        Assert.Contains("236.7 req/s", findings[0], StringComparison.Ordinal);
        Assert.Contains("at least", findings[0], StringComparison.Ordinal);
        Assert.Equal("The sweep did not reach its knee, so it says nothing about the stub's capacity: give higher rates with --rates.", findings[1]);
        Assert.DoesNotContain(findings, f => f.Contains("+9.8%", StringComparison.Ordinal));
    }

    private static ResultsFile Sweep(OpenLoopResult open) => new()
    {
        SchemaVersion = ResultsFile.CurrentSchemaVersion,
        Run = new RunDescription { Target = "stub", Model = "gpt-4o", DateUtc = DateTimeOffset.UnixEpoch, WarmupIterations = 0, MeasuredIterations = 1 },
        Benchmark = new BenchmarkDescription { Type = "T.OpenLoop", Name = "OpenLoop" },
        Cases = [],
        OpenLoop = open,
    };
}
