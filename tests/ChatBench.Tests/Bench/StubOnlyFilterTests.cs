using BenchmarkDotNet.Configs;
using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

/// <summary>A live run drops the classes that only make sense against the stub, says so, and plans nothing for them.</summary>
public sealed class StubOnlyFilterTests
{
    private static readonly string[] StubOnlyClasses = ["HttpVersionBenchmarks", "OpenLoopFloorBenchmarks", "StreamingCalibrationBenchmarks", "StubCostBenchmarks", "WireMockPipelineCostBenchmarks"];

    [Theory]
    [InlineData(TargetKind.Live)]
    [InlineData(TargetKind.Stub)]
    public void Under_live_the_filter_drops_exactly_the_stub_only_classes_and_under_stub_none(TargetKind target)
    {
        var config = Config(target);

        var dropped = RunPlan.BenchmarkTypes(typeof(BenchRunner).Assembly)
            .Where(t => RunPlan.CasesToRun(t, ManualConfig.CreateEmpty()).Any() && !RunPlan.CasesToRun(t, config).Any())
            .Select(t => t.Name)
            .Order();

        Assert.Equal(target == TargetKind.Live ? StubOnlyClasses : [], dropped);
    }

    [Fact]
    public void A_live_run_prints_one_skip_line_per_stub_only_class_and_value_its_filter_would_have_run()
    {
        var lines = StubOnlyFilter.SkipLines(Config(TargetKind.Live), typeof(BenchRunner).Assembly);

        Assert.Equal(
            [
                "skipped under --target live: ConversationBenchmarks with PrefixCache=False turns the stub's prefix cache off; a provider's cannot be",
                "skipped under --target live: HttpVersionBenchmarks measures its own local stub processes",
                "skipped under --target live: OpenLoopFloorBenchmarks writes raw HTTP/1.1 to the stub's plain-text port",
                "skipped under --target live: StreamingCalibrationBenchmarks measures the harness's own error against the stub's ground truth",
                "skipped under --target live: StubCostBenchmarks measures the cost of its own local stub processes",
                "skipped under --target live: WireMockPipelineCostBenchmarks measures the cost of its own local stub processes",
            ],
            lines.Order());
        Assert.Empty(StubOnlyFilter.SkipLines(Config(TargetKind.Stub), typeof(BenchRunner).Assembly));
    }

    [Fact]
    public void A_live_plan_counts_no_stub_only_class()
    {
        var live = Config(TargetKind.Live);
        var stubOnly = RunPlan.BenchmarkTypes(typeof(BenchRunner).Assembly).Where(t => StubOnlyClasses.Contains(t.Name)).ToList();

        Assert.Equal(new RunPlan(0, 0, 0), RunPlan.For(live, stubOnly, RunSettings.Defaults with { Options = new BenchOptions { Target = TargetKind.Live } }));
        Assert.Equal(StubOnlyClasses.Length, stubOnly.Count);
    }

    private static IConfig Config(TargetKind target) =>
        BenchConfig.Create(new BenchOptions { Target = target }, Path.GetTempPath(), new RecordStore(Path.GetTempPath()), includeHeavy: true);
}
