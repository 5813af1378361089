using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Tests.Bench;

/// <summary>Only the load-generating classes run without the thread pool's spinning and with inline socket completions, and they keep the run's own job variable.</summary>
public sealed class LoadGeneratorRuntimeTests
{
    [Theory]
    [InlineData(typeof(OpenLoopGeneratorBenchmarks), true)]
    [InlineData(typeof(OpenLoopFloorBenchmarks), true)]
    [InlineData(typeof(StreamingCalibrationBenchmarks), true)]
    [InlineData(typeof(ClientStackBenchmarks), false)]
    [InlineData(typeof(LargeBatchBenchmarks), false)]
    public void A_class_benchmark_processes_get_the_load_generator_runtime_only_when_it_generates_load_and_always_the_run_variable(Type type, bool generatesLoad)
    {
        var settings = new RunSettings(new BenchOptions(), new Uri("http://127.0.0.1:5080/v1"), Path.GetTempPath());
        using var host = settings.UseInHost();
        var config = BenchConfig.Create(new BenchOptions(), Path.GetTempPath(), new RecordStore(Path.GetTempPath()), includeHeavy: true, settings);

        var cases = RunPlan.CasesToRun(type, config).ToList();

        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            var variables = c.Job.Environment.EnvironmentVariables ?? [];
            Assert.Contains(variables, v => v.Key == RunSettings.JobVariable && RunSettings.Parse(v.Value).BaseUrl == settings.BaseUrl);
            Assert.Equal(generatesLoad, variables.Any(v => v.Key == LoadGeneratorRuntimeAttribute.SpinLimitVariable && v.Value == "0"));
            Assert.Equal(generatesLoad, variables.Any(v => v.Key == LoadGeneratorRuntimeAttribute.InlineCompletionsVariable && v.Value == "1"));
        });
    }
}
