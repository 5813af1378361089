using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

/// <summary>The two-sample KS statistic against values worked out by hand (and by scipy.stats.ks_2samp).</summary>
public sealed class KolmogorovSmirnovTests
{
    [Fact]
    public void Identical_samples_are_at_distance_zero()
    {
        Assert.Equal(0, KolmogorovSmirnov.Statistic([1, 2, 3], [3, 2, 1]));
    }

    [Fact]
    public void Samples_that_do_not_overlap_are_at_distance_one()
    {
        Assert.Equal(1, KolmogorovSmirnov.Statistic([1, 2], [5, 6, 7]));
    }

    [Fact]
    public void Interleaved_samples_give_the_largest_gap_between_their_step_functions()
    {
        // CDFs after each value: 1: 1/3 vs 0; 2: 1/3 vs 1/2; 3: 2/3 vs 1/2; 4: 2/3 vs 1; 5: 1 vs 1. Largest gap 1/3.
        Assert.Equal(1.0 / 3, KolmogorovSmirnov.Statistic([1, 3, 5], [2, 4]), 12);

        // One sample shifted by half its range: after 2 the first has 2/4, the second 0.
        Assert.Equal(0.5, KolmogorovSmirnov.Statistic([1, 2, 3, 4], [3, 4, 5, 6]), 12);
    }

    [Fact]
    public void Ties_across_the_samples_are_stepped_over_together()
    {
        // At 1: 2/3 vs 1/3; at 2: 1 vs 1. Comparing before stepping over both copies of 1 would say 2/3.
        Assert.Equal(1.0 / 3, KolmogorovSmirnov.Statistic([1, 1, 2], [1, 2, 2]), 12);
    }

    [Fact]
    public void An_empty_sample_has_no_distance()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Statistic([], [1]));
    }
}
