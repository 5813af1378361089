using ChatBench.Benchmarks;

namespace ChatBench.Tests.Bench;

public sealed class ReportOnlyTests
{
    [Fact]
    public void Report_only_regenerates_the_summary_and_charts_from_the_folder_without_running_a_benchmark()
    {
        using var results = new ResultsFixture().WithEverything();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--report-only", "--results", results.Directory], output, errors);

        Assert.Equal(BenchRunner.ExitOk, exit);
        Assert.Empty(errors.ToString());
        Assert.Contains("with 5 charts", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Plan:", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(results.PathOf("SUMMARY.md")));
        Assert.True(File.Exists(Path.Combine(results.Directory, "charts", "batch-wall-time.png")));
    }

    [Fact]
    public void Report_only_on_a_folder_that_does_not_exist_is_a_one_line_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chatbench-missing-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--report-only", "--results", missing], output, errors);

        Assert.Equal(BenchRunner.ExitBadArguments, exit);
        Assert.Equal($"error: the results folder {missing} does not exist: run the benchmarks first, or point --results at a folder of reports.", errors.ToString().Trim());
        Assert.False(Directory.Exists(missing));
    }
}
