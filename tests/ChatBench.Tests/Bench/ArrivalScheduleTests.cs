using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>The arrival processes have the mean and variability vLLM's definition gives them, and a seed fixes them.</summary>
public sealed class ArrivalScheduleTests
{
    private const int Draws = 20_000;

    [Theory]
    [InlineData("constant", 0.0)]
    [InlineData("poisson", 1.0)]
    [InlineData("gamma:1", 1.0)]
    [InlineData("gamma:0.25", 2.0)]
    [InlineData("gamma:4", 0.5)]
    public void Gaps_have_mean_one_over_the_rate_and_the_coefficient_of_variation_one_over_root_burstiness(string arrival, double expectedCv)
    {
        Assert.True(ArrivalProcess.TryParse(arrival, out var process));
        var random = new Random(7);
        var gaps = Enumerable.Range(0, Draws).Select(_ => ArrivalSchedule.Gap(process, 50, random)).ToList();

        var mean = gaps.Average();
        var cv = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Count - 1)) / mean;
        Assert.InRange(mean, 0.02 * 0.97, 0.02 * 1.03);
        Assert.InRange(cv, expectedCv - 0.06, expectedCv + 0.06);
    }

    [Fact]
    public void The_schedule_is_computed_whole_and_the_same_for_the_same_seed()
    {
        var first = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 100, 5, 3);
        var again = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 100, 5, 3);
        var other = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 100, 5, 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(0, first[0]);
        Assert.All(first, at => Assert.InRange(at, 0, 5000));
        Assert.InRange(first.Length, 430, 570);
    }

    [Fact]
    public void Arrival_options_round_trip_through_their_text()
    {
        foreach (var text in (string[])["constant", "poisson", "gamma:0.5"])
        {
            Assert.True(ArrivalProcess.TryParse(text, out var process));
            Assert.Equal(text, process.ToString());
        }
    }
}
