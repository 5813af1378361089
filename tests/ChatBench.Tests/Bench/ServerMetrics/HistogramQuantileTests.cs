using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>Quantiles of histogram increases, computed as Prometheus' histogram_quantile does, worked out by hand.</summary>
public sealed class HistogramQuantileTests
{
    // Buckets 0.1, 0.2, 0.4 and +Inf holding 2, 6, 2 and 0 observations.
    private static readonly HistogramCounts Ten = new([new(0.1, 2), new(0.2, 8), new(0.4, 10)], 10, 1.9);

    [Fact]
    public void A_quantile_interpolates_linearly_inside_its_bucket()
    {
        // Rank 5 is the 3rd of 6 in (0.1, 0.2]: 0.1 + 0.1 x 3/6.
        Assert.Equal(0.15, Ten.Quantile(0.5)!.Value, 12);

        // Rank 9.9 is 1.9 of 2 in (0.2, 0.4].
        Assert.Equal(0.2 + (0.2 * 1.9 / 2), Ten.Quantile(0.99)!.Value, 12);

        // Rank 1 in the first bucket interpolates from 0.
        Assert.Equal(0.05, Ten.Quantile(0.1)!.Value, 12);
    }

    [Fact]
    public void A_rank_in_the_inf_bucket_gives_the_highest_finite_bound()
    {
        var tail = Ten with { Count = 20 };

        Assert.Equal(0.4, tail.Quantile(0.9));
    }

    [Fact]
    public void Observations_that_sum_to_zero_were_all_zero()
    {
        // vLLM's queue-time buckets start at 0.3 s: interpolation would put the median of six zero waits at 0.15 s.
        var zeros = new HistogramCounts([new(0.3, 6), new(0.5, 6)], 6, 0);

        Assert.Equal((0.0, 0.0), (zeros.Quantile(0.5), zeros.Quantile(0.99)));
    }

    [Fact]
    public void No_observations_give_no_quantile()
    {
        Assert.Null((Ten with { Buckets = [new(0.1, 0), new(0.2, 0)], Count = 0 }).Quantile(0.5));
    }

    [Fact]
    public void The_increase_between_scrapes_is_after_minus_before_bucket_by_bucket()
    {
        var before = PrometheusText.Parse(VllmMetricsFixture.Before).Histogram("vllm:time_to_first_token_seconds")!;
        var after = PrometheusText.Parse(VllmMetricsFixture.After).Histogram("vllm:time_to_first_token_seconds")!;

        var window = after.Minus(before);

        Assert.Equal(20, window.Count);
        Assert.Equal(1.4, window.Sum, 9);

        // The 20 new TTFTs: 5 in (0.04, 0.06], 10 in (0.06, 0.08], 5 in (0.08, 0.1]. Rank 10 is 5 of 10 in the middle
        // bucket: 0.06 + 0.02 x 5/10; rank 19.8 is 4.8 of 5 in the last: 0.08 + 0.02 x 4.8/5.
        Assert.Equal(0.07, window.Quantile(0.5)!.Value, 12);
        Assert.Equal(0.0992, window.Quantile(0.99)!.Value, 12);

        // Read from the second scrape alone the median is the earlier requests' (rank 60 of 120: in (0.02, 0.04]).
        Assert.Equal(0.02 + (0.02 * 20 / 30), after.Quantile(0.5)!.Value, 12);
    }

    [Fact]
    public void A_counter_that_fell_means_a_restart_and_the_second_scrape_counts_alone()
    {
        var after = new HistogramCounts([new(0.1, 1)], 1, 0.05);

        Assert.Same(after, after.Minus(Ten));
    }

    [Fact]
    public void Scrapes_with_other_bucket_bounds_cannot_be_compared()
    {
        var other = new HistogramCounts([new(0.1, 2), new(0.3, 8), new(0.4, 10)], 12, 1.9);

        Assert.Throws<InvalidDataException>(() => other.Minus(Ten));
    }
}
