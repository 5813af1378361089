using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>ChatBench's options are taken wherever they stand; every other word reaches BenchmarkDotNet unchanged and in order.</summary>
public sealed class CommandLinePassThroughTests
{
    [Fact]
    public void BenchmarkDotNets_words_pass_through_in_order_around_ChatBenchs_options()
    {
        Assert.True(BenchCommandLine.TryParse(["--quick", "--filter", "*A*", "*B*", "--seed", "7", "--anyCategories", "stub", "heavy", "--results", "d"], out var options, out var error), error);

        Assert.Equal(["--filter", "*A*", "*B*", "--anyCategories", "stub", "heavy"], options.BenchmarkDotNetArguments);
        Assert.True(options.Quick);
        Assert.Equal(7UL, options.Seed);
        Assert.Equal("d", options.ResultsDirectory);
    }

    [Fact]
    public void An_option_followed_by_another_option_instead_of_its_value_says_it_needs_one()
    {
        Assert.False(BenchCommandLine.TryParse(["--model", "--filter", "x"], out _, out var error));

        Assert.Equal("option --model needs a value; see --help.", error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/h")]
    [InlineData("/?")]
    public void Every_spelling_of_help_prints_every_option_and_exits_0_without_running(string help)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run([help, "--filter", "*"], output, errors);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(errors.ToString());
        Assert.All(BenchOptionList.All, option => Assert.Contains(option.Name, output.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("Plan:", output.ToString(), StringComparison.Ordinal);
    }
}
