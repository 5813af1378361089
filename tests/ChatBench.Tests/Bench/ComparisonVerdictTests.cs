using ChatBench.Benchmarks.Reports.Comparison;

namespace ChatBench.Tests.Bench;

/// <summary>The verdicts on real results: the same options, a 20 % slower stub, the threshold and the noise floor.</summary>
public sealed class ComparisonVerdictTests
{
    [Fact]
    public void Two_runs_with_the_same_options_and_commit_compare_as_Same_and_the_page_says_nothing_else_differs()
    {
        using var candidate = ComparisonData.Copy(ComparisonData.Repeat, seedOnly: true);

        var comparison = RunComparison.Of(ComparisonData.Folder(ComparisonData.Reference), candidate.Directory, ComparisonSettings.Default);

        Assert.Equal(3, comparison.Cases.Count);
        Assert.All(comparison.Cases, c => Assert.Equal(Verdict.Same, c.Verdict));
        Assert.Empty(comparison.Differences);
        Assert.Contains("differ in nothing but their date", ComparisonMarkdown.Differences(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stub_twenty_percent_slower_makes_every_case_Slower_by_about_1_2x_and_the_header_names_the_time_scale()
    {
        var comparison = Compare(ComparisonData.Reference, ComparisonData.Slower, ComparisonSettings.Default);

        Assert.Equal(3, comparison.Cases.Count);
        Assert.All(comparison.Cases, c =>
        {
            Assert.Equal(Verdict.Slower, c.Verdict);
            Assert.InRange(c.Time!.Ratio, 1.1, 1.3);
        });
        Assert.Equal(["time scale: 0.1 → 0.12"], comparison.Differences);
        var concurrent = comparison.Cases.Single(c => c.Case == "Concurrent");
        Assert.Equal(Verdict.Slower, concurrent.Latency.Single(m => m.Metric == "E2E").Verdict);
    }

    [Fact]
    public void The_same_pair_the_other_way_round_is_Faster()
    {
        var comparison = Compare(ComparisonData.Slower, ComparisonData.Reference, ComparisonSettings.Default);

        Assert.All(comparison.Cases, c => Assert.Equal(Verdict.Faster, c.Verdict));
        Assert.All(comparison.Cases, c => Assert.InRange(c.Time!.Ratio, 0.75, 0.92));
    }

    [Fact]
    public void A_threshold_above_the_difference_makes_the_slower_stub_Same()
    {
        var comparison = Compare(ComparisonData.Reference, ComparisonData.Slower, ComparisonSettings.Default with { Threshold = 0.5 });

        Assert.All(comparison.Cases, c => Assert.Equal(Verdict.Same, c.Verdict));
    }

    [Fact]
    public void A_noise_floor_above_the_difference_makes_the_slower_stub_Same_and_one_below_it_does_not()
    {
        // The seed scenario's medians differ by 49 to 62 ms between the two time scales.
        var above = Compare(ComparisonData.Reference, ComparisonData.Slower, ComparisonSettings.Default with { NoiseMs = 100 });
        var below = Compare(ComparisonData.Reference, ComparisonData.Slower, ComparisonSettings.Default with { NoiseMs = 20 });

        Assert.All(above.Cases, c => Assert.Equal(Verdict.Same, c.Verdict));
        Assert.All(below.Cases, c => Assert.Equal(Verdict.Slower, c.Verdict));
    }

    [Fact]
    public void Cases_in_only_one_run_are_listed_not_dropped()
    {
        var comparison = Compare(ComparisonData.Reference, ComparisonData.Slower, ComparisonSettings.Default);

        Assert.Equal(["StreamingBenchmarks: Streams (Concurrency=1)", "StreamingBenchmarks: Streams (Concurrency=10)", "StreamingBenchmarks: Streams (Concurrency=100)"], comparison.OnlyInCandidate);
        Assert.Empty(comparison.OnlyInBaseline);
        Assert.Contains("## Only in the candidate", ComparisonMarkdown.Page(comparison, chart: null), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ratio_interval_brackets_the_ratio_of_a_clearly_slower_case()
    {
        var comparison = Compare(ComparisonData.Reference, ComparisonData.Slower, ComparisonSettings.Default);

        var concurrent = comparison.Cases.Single(c => c.Case == "Concurrent").Time!;
        Assert.NotNull(concurrent.Interval);
        Assert.True(concurrent.Interval.Low > 1, $"low {concurrent.Interval.Low}");
        Assert.InRange(concurrent.Ratio, concurrent.Interval.Low, concurrent.Interval.High);
    }

    private static RunComparison Compare(string baseline, string candidate, ComparisonSettings settings)
    {
        using var copy = ComparisonData.Copy(candidate);
        return RunComparison.Of(ComparisonData.Folder(baseline), copy.Directory, settings);
    }
}
