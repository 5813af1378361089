using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>The run's settings reach a benchmark process whole, through one job variable, and the host's sweep plan agrees.</summary>
public sealed class RunSettingsTests
{
    [Theory]
    [InlineData("constant")]
    [InlineData("gamma:0.25")]
    public void Every_option_a_benchmark_process_needs_survives_the_job_variable(string arrival)
    {
        Assert.True(BenchCommandLine.TryParse(
            ["--target", "live", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--time-scale", "0.25", "--seed", "7", "--workload", "w.jsonl",
             "--arrival", arrival, "--rates", "3,1.5", "--slo", "ttft=1s,e2e=9s", "--max-error-rate", "0.1"],
            out var options,
            out var error),
            error);
        var sent = RunSettings.From(options, options.BaseUrl, "/records");

        var variable = sent.ToJobVariable();
        var read = RunSettings.Parse(variable.Value);

        Assert.Equal(RunSettings.JobVariable, variable.Key);
        Assert.Equal(variable.Value, read.ToJobVariable().Value);
        Assert.Equal((sent.BaseUrl, sent.RecordsDirectory, sent.Target, sent.Model, sent.TimeScale, sent.Seed, sent.WorkloadPath), (read.BaseUrl, read.RecordsDirectory, read.Target, read.Model, read.TimeScale, read.Seed, read.WorkloadPath));
        Assert.Equal(arrival, read.OpenLoop.Arrival.ToString());
        Assert.Equal([1.5, 3], read.OpenLoop.Rates);
        Assert.Equal("ttft=1000ms,e2e=9000ms", read.OpenLoop.Slo.ToString());
        Assert.Equal(0.1, read.OpenLoop.MaxErrorRate);
        Assert.Equal(0.1, read.MaxErrorRate);
    }

    [Fact]
    public void The_sweep_has_one_step_per_rate_of_the_run_in_the_host_and_its_default_points_otherwise()
    {
        var settings = RunSettings.Defaults with { Options = new BenchOptions { OpenLoop = OpenLoopOptions.Default with { Rates = [1, 2, 3, 4] } } };

        using (settings.UseInHost())
        {
            Assert.Equal([1, 2, 3, 4], OpenLoopSweep.Steps(3));
        }

        Assert.Equal([1, 2, 3], OpenLoopSweep.Steps(3));
    }

    [Fact]
    public void Settings_a_process_cannot_read_are_a_clear_error_naming_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RunSettings.Parse("{\"target\": 12"));

        Assert.Contains(RunSettings.JobVariable, error.Message, StringComparison.Ordinal);
    }
}
