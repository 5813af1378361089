using ChatBench.Benchmarks.Configuration;
using ChatBench.Benchmarks.Reports;

namespace ChatBench.Tests.Bench;

public sealed class RunInfoTests
{
    [Fact]
    public void A_live_run_is_described_by_its_endpoint_and_model_and_reads_back_the_same()
    {
        using var results = new ResultsFixture();
        var options = new BenchOptions { Target = TargetKind.Live, BaseUrl = new Uri("https://api.example.test/v1"), Model = "gpt-4o-mini", Quick = true };

        var run = RunInfo.Describe(options, ["--filter", "*Seed*"], 3, 0, results.Directory);
        run.Write(results.Directory);
        var read = RunInfo.Read(results.Directory);

        Assert.NotNull(read);
        Assert.Equal(run.Caption(), read.Caption());
        Assert.StartsWith("live https://api.example.test/v1, model gpt-4o-mini · ", read.Caption(), StringComparison.Ordinal);
        Assert.Contains("quick run", read.Caption(), StringComparison.Ordinal);
        Assert.Null(read.TimeScale);
        Assert.Equal(["--filter", "*Seed*"], read.BenchmarkArguments);
    }

    [Fact]
    public void A_folder_without_run_json_has_no_run_and_a_garbled_one_is_a_clear_error()
    {
        using var results = new ResultsFixture();
        Assert.Null(RunInfo.Read(results.Directory));

        results.Write(RunInfo.FileName, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => RunInfo.Read(results.Directory));
        Assert.StartsWith("run.json is not a ChatBench run description", error.Message, StringComparison.Ordinal);
    }
}
