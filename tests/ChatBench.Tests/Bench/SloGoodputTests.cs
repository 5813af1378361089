using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>Goodput, the SLO share and the highest rate within the SLO, on cases computed by hand.</summary>
public sealed class SloGoodputTests
{
    [Fact]
    public void Slo_limits_parse_scale_and_print_in_milliseconds()
    {
        Assert.True(SloLimits.TryParse("ttft=500ms,itl=50ms,e2e=10s", out var limits));
        Assert.Equal(new SloLimits(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10)), limits);
        Assert.Equal("ttft=50ms,itl=5ms,e2e=1000ms", limits.Scaled(0.1).ToString());
        Assert.True(SloLimits.TryParse("e2e=2s", out var onlyE2E));
        Assert.True(onlyE2E.Meets(null, null, 1999));
        Assert.False(onlyE2E.Meets(null, null, 2001));
    }

    [Fact]
    public void Goodput_counts_requests_meeting_every_limit_per_second_of_the_run()
    {
        // Scheduled at 0, 250, 500, 750 ms; the run spans 0 to 2,000 ms. Limits: TTFT 100 ms, E2E 1,000 ms.
        RequestRecord Request(int i, double ttft, double e2e, RequestOutcome? outcome = null) => new()
        {
            Index = i, PromptClass = "p", StartMs = i * 250, FirstTokenMs = (i * 250) + ttft, LastTokenMs = (i * 250) + e2e,
            EndMs = (i * 250) + e2e, OutputTokens = 5, Outcome = outcome ?? RequestOutcome.Answered, SendLagMs = i * 0.1,
        };
        var invocation = new InvocationRecord(0, [Request(0, 50, 500), Request(1, 150, 600), Request(2, 90, 1250), Request(3, 80, 1250, RequestOutcome.HttpStatus(500))])
        {
            OpenLoop = new OpenLoopRecord(2, 1, "poisson") { SloTtftMs = 100, SloE2EMs = 1000 },
        };

        var figures = OpenLoopFigures.Of([invocation])!;

        // Only request 0 meets both limits (1 too slow to first token, 2 too slow overall, 3 failed): 1 in 2 s.
        Assert.Equal(0.5, figures.Goodput, 6);
        Assert.Equal(0.25, figures.SloShare, 6);
        Assert.Equal(1.5, figures.Achieved, 6);
        Assert.Equal(2, figures.Offered);
    }

    [Theory]
    [InlineData(new[] { 10.0, 20, 30, 40 }, new[] { 1.0, 1.0, 0.80, 0.2 }, 25.0, SloSearch.Interpolated)]
    [InlineData(new[] { 10.0, 20 }, new[] { 0.95, 0.91 }, 20.0, SloSearch.AtLeast)]
    [InlineData(new[] { 10.0, 20, 30 }, new[] { 1.0, 0.5, 0.95 }, 12.0, SloSearch.Interpolated)]
    public void The_highest_rate_within_the_slo_interpolates_to_where_the_share_crosses_the_attainment(double[] rates, double[] shares, double expected, string bound)
    {
        var (rate, how) = SloSearch.HighestRate(rates.Zip(shares), 0.9);

        Assert.Equal(expected, rate!.Value, 6);
        Assert.Equal(bound, how);
    }

    [Fact]
    public void A_sweep_whose_lowest_rate_misses_the_slo_has_no_rate_within_it()
    {
        var (rate, bound) = SloSearch.HighestRate([(5.0, 0.4), (10.0, 0.2)], 0.9);

        Assert.Null(rate);
        Assert.Equal(SloSearch.Below, bound);
    }
}
