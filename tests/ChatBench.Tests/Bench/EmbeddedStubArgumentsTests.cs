using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;

namespace ChatBench.Tests.Bench;

/// <summary>The embedded stub is the stub program in its own process: the run's options reach it through its command line.</summary>
public sealed class EmbeddedStubArgumentsTests
{
    [Fact]
    public void The_stub_program_reads_the_runs_time_scale_seed_and_model_from_the_arguments_the_run_gives_it()
    {
        Assert.True(BenchCommandLine.TryParse(["--time-scale", "0.25", "--seed", "7", "--model", "my-model"], out var options, out var error), error);
        var stubCommandLine = new StubCommandLine();

        var parsed = stubCommandLine.Root.Parse([.. StubArguments.For(TargetSession.EmbeddedStub(options))]);
        var stub = stubCommandLine.ToOptions(parsed);

        Assert.Empty(parsed.Errors);
        Assert.Equal(0.25, stub.Profile.TimeScale);
        Assert.Equal(7UL, stub.Profile.Seed);
        Assert.Equal(0, stub.Port);
        Assert.Equal(StubPipeline.FastPath, stub.Pipeline);
        Assert.Contains("my-model", stub.Models);
        Assert.Contains("gpt-4o", stub.Models);
    }
}
