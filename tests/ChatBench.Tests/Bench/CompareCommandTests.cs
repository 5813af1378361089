using ChatBench.Benchmarks;

namespace ChatBench.Tests.Bench;

/// <summary><c>--compare</c> on the command line: its files, its exit codes, and its one-line errors.</summary>
public sealed class CompareCommandTests
{
    [Fact]
    public void Compare_writes_the_page_json_csv_and_chart_into_the_candidate_folder_and_prints_the_table()
    {
        using var candidate = ComparisonData.Copy(ComparisonData.Slower);

        var (exit, output, errors) = Run("--compare", ComparisonData.Folder(ComparisonData.Reference), "--results", candidate.Directory);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(errors);
        Assert.Contains("| SeedScenarioBenchmarks | Concurrent |", output, StringComparison.Ordinal);
        Assert.Contains("3 Slower", output, StringComparison.Ordinal);
        foreach (var file in new[] { "COMPARISON.md", "COMPARISON.json", "COMPARISON.csv", "comparison.png" })
        {
            Assert.True(new FileInfo(candidate.PathOf(file)).Length > 0, file);
        }

        Assert.Contains("time scale: 0.1 → 0.12", File.ReadAllText(candidate.PathOf("COMPARISON.md")), StringComparison.Ordinal);
        Assert.Contains("SeedScenarioBenchmarks,Concurrent,time,", File.ReadAllText(candidate.PathOf("COMPARISON.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_regression_exits_5_when_a_case_is_Slower()
    {
        using var candidate = ComparisonData.Copy(ComparisonData.Slower);

        var (exit, _, errors) = Run("--compare", ComparisonData.Folder(ComparisonData.Reference), "--results", candidate.Directory, "--fail-on-regression");

        Assert.Equal(ExitCodes.Regression, exit);
        Assert.Equal(5, exit);
        Assert.StartsWith("regression: 3 case(s) Slower", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_regression_exits_0_when_nothing_is_Slower()
    {
        using var candidate = ComparisonData.Copy(ComparisonData.Reference);

        var (exit, _, _) = Run("--compare", ComparisonData.Folder(ComparisonData.Slower), "--results", candidate.Directory, "--fail-on-regression");

        Assert.Equal(ExitCodes.Ok, exit);
    }

    [Fact]
    public void A_baseline_folder_without_results_is_a_one_line_error_with_exit_2()
    {
        using var empty = new ResultsFixture();
        using var candidate = ComparisonData.Copy(ComparisonData.Slower);

        var (exit, _, errors) = Run("--compare", empty.Directory, "--results", candidate.Directory);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith($"error: the baseline folder {empty.Directory} holds no ChatBench results", errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.False(File.Exists(candidate.PathOf("COMPARISON.md")));
    }

    [Fact]
    public void A_results_file_of_an_unknown_schema_version_is_a_one_line_error_with_exit_2()
    {
        using var candidate = ComparisonData.Copy(ComparisonData.Slower);
        File.WriteAllText(candidate.PathOf("X.FutureBenchmarks-results.json"), """{"schemaVersion": 99}""");

        var (exit, _, errors) = Run("--compare", ComparisonData.Folder(ComparisonData.Reference), "--results", candidate.Directory);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith("error: X.FutureBenchmarks-results.json has schema version 99", errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--threshold", "0")]
    [InlineData("--threshold", "five")]
    [InlineData("--noise", "-1ms")]
    public void A_malformed_comparison_option_is_a_one_line_error(string option, string value)
    {
        var (exit, _, errors) = Run("--compare", ComparisonData.Folder(ComparisonData.Reference), option, value);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith($"error: option {option} needs", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "10%")]
    [InlineData("--fail-on-regression")]
    public void A_comparison_option_without_compare_is_refused_before_anything_runs(params string[] args)
    {
        var (exit, output, errors) = Run(args);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Equal($"error: option {args[0]} only applies with --compare DIR; see --help.", errors.Trim());
        Assert.DoesNotContain("Warming up", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_with_a_benchmark_filter_is_refused_since_it_runs_nothing()
    {
        var (exit, _, errors) = Run("--compare", ComparisonData.Folder(ComparisonData.Reference), "--filter", "*Seed*");

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("--compare runs no benchmark", errors, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = BenchRunner.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
