using ChatBench.Benchmarks;

namespace ChatBench.Tests.Bench;

public sealed class ReportOnlyTests
{
    [Fact]
    public void Report_only_regenerates_the_summary_and_charts_from_the_json_results_without_running_a_benchmark()
    {
        using var results = new ResultsFixture().WithEverything();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--report-only", "--results", results.Directory], output, errors);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(errors.ToString());
        Assert.Contains("with 5 charts", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Plan:", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(results.PathOf("SUMMARY.md")));
        Assert.True(File.Exists(Path.Combine(results.Directory, "charts", "BatchBenchmarks-scaling.png")));
    }

    [Fact]
    public void Report_only_on_a_folder_that_does_not_exist_is_a_one_line_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chatbench-missing-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--report-only", "--results", missing], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Equal($"error: the results folder {missing} does not exist: run the benchmarks first, or point --results at a folder of results.", errors.ToString().Trim());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Report_only_on_results_of_an_unknown_schema_version_is_a_one_line_error_naming_the_file()
    {
        using var results = new ResultsFixture();
        File.WriteAllText(results.PathOf("X.FutureBenchmarks-results.json"), """{"schemaVersion": 99}""");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--report-only", "--results", results.Directory], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith("error: X.FutureBenchmarks-results.json has schema version 99; this ChatBench reads version 1", errors.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));
    }

    [Fact]
    public void A_run_whose_results_folder_cannot_be_written_stops_before_anything_runs()
    {
        using var results = new ResultsFixture();
        var blocker = results.PathOf("a-file");
        File.WriteAllText(blocker, string.Empty);
        var unwritable = Path.Combine(blocker, "results");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--filter", "*SeedScenario*", "--results", unwritable], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith($"error: the results folder {unwritable} cannot be written", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Warming up", output.ToString(), StringComparison.Ordinal);
    }
}
