using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>--profile and --replay-errors on the benchmark command line: checked before anything runs.</summary>
public sealed class ReplayOptionsTests
{
    [Theory]
    [InlineData("error: the latency profile /nonexistent/p.json does not exist.", "--profile", "/nonexistent/p.json")]
    [InlineData("error: --replay-errors replays a recorded profile's errors; give the profile with --profile FILE.", "--replay-errors")]
    [InlineData("error: --profile is replayed by the embedded stub; drop --target live to replay it.", "--target", "live", "--profile", "p.json")]
    public void A_profile_that_cannot_be_replayed_is_one_line_and_exit_2(string expected, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(ExitCodes.BadArguments, BenchRunner.Run(args, output, errors));
        Assert.Equal(expected, errors.ToString().Trim());
    }

    [Fact]
    public void A_replayed_profile_plays_at_its_recorded_speed_unless_a_time_scale_is_given()
    {
        Assert.True(BenchCommandLine.TryParse(["--profile", "p.json"], out var recordedSpeed, out _));
        Assert.True(BenchCommandLine.TryParse(["--profile", "p.json", "--time-scale", "0.5"], out var faster, out _));

        Assert.Equal(1, recordedSpeed.TimeScale);
        Assert.Equal(0.5, faster.TimeScale);
    }
}
