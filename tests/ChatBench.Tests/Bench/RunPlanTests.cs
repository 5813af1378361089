using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Every benchmark class, heavy ones included, through BenchmarkDotNet's real engine against a stub that counts the
/// chat requests it receives: the plan counts exactly what the target got, warm-up iterations, MemoryDiagnoser's extra
/// pass and the classes' own setup warm-ups included, and nothing a class sent to a stub process of its own.
/// </summary>
/// <remarks>
/// To stay within about two minutes for all classes on two cores, the run differs from the suite's in three ways that
/// leave the engine's stages as they are: the in-process toolchain (the out-of-process one rebuilds the project per
/// class), two measured iterations instead of five, and only the first declared value of each parameter. In process
/// the job's environment variables never reach the benchmark, so the test sets them in its own process for the run
/// and puts the old values back. No other test reads them in this process, and the tests that start the benchmark
/// program clear them from its environment (<see cref="ChildProcessEnvironment"/>), so this class runs beside the others.
/// </remarks>
public sealed class RunPlanTests : IDisposable
{
    private const double TimeScale = 0.02;
    private readonly string artifacts = Directory.CreateTempSubdirectory("chatbench-plan-").FullName;

    public static TheoryData<string> BenchmarkClasses() => [.. RunPlan.BenchmarkTypes(typeof(BenchRunner).Assembly).Select(t => t.Name)];

    [Trait(TestCategories.Trait, TestCategories.Slow)]
    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public async Task The_plan_counts_exactly_the_requests_the_target_receives(string className)
    {
        var type = RunPlan.BenchmarkTypes(typeof(BenchRunner).Assembly).Single(t => t.Name == className);
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, 1) });
        var records = new RecordStore(Path.Combine(artifacts, "records"));
        Directory.CreateDirectory(records.Directory);
        var target = new RunSettings(new BenchOptions { TimeScale = TimeScale }, stub.BaseUri, records.Directory);
        var log = new AccumulationLogger();
        var config = InProcess(BenchConfig.Create(new BenchOptions { TimeScale = TimeScale }, artifacts, records, includeHeavy: true, target), log);
        var plan = RunPlan.For(config, [type], target);

        using (target.UseInHost())
        {
            var summary = await InProcessBenchmarkRun.WithinDeadlineAsync(
                () => Task.FromResult(BenchmarkRunner.Run(type, config)),
                () => $"{className} against the in-process stub at {stub.BaseUri} ({stub.Statistics.Received} chat requests received, {stub.Statistics.Succeeded} answered, {stub.Statistics.InFlight} in flight)");
            Assert.True(summary.Reports.Length > 0 && summary.Reports.All(r => r.Success), log.GetLog());
            Assert.Equal(plan.Cases, summary.BenchmarksCases.Length);
        }

        Assert.Equal(plan.Requests, stub.Statistics.Received);
        // Only classes that send everything to stub processes of their own plan nothing for the target on the stub.
        Assert.True(plan.Requests > 0 || BenchmarkStubs.StartsItsOwn(type), $"{className} plans nothing");
    }

    [Fact]
    public void Every_benchmark_class_declares_its_budget()
    {
        Assert.All(RunPlan.BenchmarkTypes(typeof(BenchRunner).Assembly), t => Assert.True(typeof(ISendsRequests).IsAssignableFrom(t), t.Name));
    }

    [Fact]
    public void MemoryDiagnoser_adds_one_call_per_case_and_a_fixed_strategy_no_jitting_or_pilot_calls()
    {
        var config = BenchConfig.Create(new BenchOptions { Quick = true }, artifacts, new RecordStore(artifacts), includeHeavy: true);
        var plain = BenchmarkConverter.TypeToBenchmarks(typeof(SeedScenarioBenchmarks), config).BenchmarksCases[0];
        var diagnosed = BenchmarkConverter.TypeToBenchmarks(typeof(ClientStackBenchmarks), config).BenchmarksCases[0];

        Assert.Equal(new CaseCalls(1, 1 + 3), CaseCalls.Of(plain));
        Assert.Equal(new CaseCalls(1, 1 + 3 + 1), CaseCalls.Of(diagnosed));
    }

    public void Dispose() => Directory.Delete(artifacts, recursive: true);

    /// <summary>The suite's config with its job run in process, shorter, and on each parameter's first value.</summary>
    private static IConfig InProcess(IConfig suite, ILogger log)
    {
        var job = suite.GetJobs().Single().WithToolchain(InProcessEmitToolchain.DontLogOutput).WithIterationCount(2).WithId("InProcess");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddFilter([.. suite.GetFilters(), new SimpleFilter(c => c.Parameters.Items.All(p => Equals(p.Value, p.Definition.Values[0])))])
            .AddValidator([.. suite.GetValidators()])
            .AddLogger(log)
            .WithArtifactsPath(suite.ArtifactsPath)
            .WithOption(ConfigOptions.DisableLogFile, true);
    }
}
