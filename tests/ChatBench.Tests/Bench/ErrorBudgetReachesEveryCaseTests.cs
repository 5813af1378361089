using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>
/// The error budget a run is given reaches every case as given: the blocking and client-stack cases as well as the
/// batches, and a live sweep's stop apart from a case's budget.
/// </summary>
public sealed class ErrorBudgetReachesEveryCaseTests
{
    /// <summary>Cases that complete their batch themselves (not through RunBatchAsync), each against a stub that fails every request.</summary>
    [Theory]
    [InlineData(typeof(SeedScenarioBenchmarks), nameof(SeedScenarioBenchmarks.Synchronous))]
    [InlineData(typeof(BlockingCallBenchmarks), nameof(BlockingCallBenchmarks.SdkSyncParallelFor))]
    [InlineData(typeof(BlockingCallBenchmarks), nameof(BlockingCallBenchmarks.RawHttpClient))]
    public async Task A_case_that_completes_its_own_batch_keeps_its_failures_within_the_runs_error_budget(Type type, string method)
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.02, 1), Faults = new StubFaults { ErrorRate = 1 } });
        var records = Directory.CreateTempSubdirectory("chatbench-budget-").FullName;
        var benchmark = (RecordedBenchmark)Activator.CreateInstance(type)!;
        if (benchmark is BlockingCallBenchmarks blocking)
        {
            blocking.Requests = 10;
        }

        benchmark.SetUpAgainst(new RunSettings(new BenchOptions { TimeScale = 0.02, MaxErrorRate = 1 }, stub.BaseUri, records));
        if (type.GetMethod(method)!.Invoke(benchmark, null) is Task task)
        {
            await task;
        }

        benchmark.GlobalCleanup();

        var invocation = Assert.Single(RecordLog.Read(records, CaseKey.Of(benchmark, method)));
        Assert.NotEmpty(invocation.Requests);
        Assert.All(invocation.Requests, r => Assert.False(r.Succeeded));
    }

    [Fact]
    public void A_live_run_without_the_option_stops_its_sweep_at_five_percent_and_an_explicit_zero_reaches_the_benchmarks()
    {
        Assert.True(BenchCommandLine.TryParse(["--target", "live"], out var live, out _));
        Assert.True(BenchCommandLine.TryParse(["--target", "live", "--max-error-rate", "0"], out var strict, out _));

        var liveRead = AsBenchmarkProcessReadsIt(live);
        var strictRead = AsBenchmarkProcessReadsIt(strict);

        Assert.Equal(BenchOptions.DefaultLiveMaxErrorRate, liveRead.MaxErrorRate);
        Assert.Equal(OpenLoopOptions.DefaultMaxErrorRate, liveRead.OpenLoop.MaxErrorRate);
        Assert.Equal(0, strictRead.MaxErrorRate);
        Assert.Equal(0, strictRead.OpenLoop.MaxErrorRate);
    }

    /// <summary>The settings as a benchmark process reads them: through the one job variable the host sets.</summary>
    private static RunSettings AsBenchmarkProcessReadsIt(BenchOptions options) =>
        RunSettings.Parse(RunSettings.From(options, options.BaseUrl, "records").ToJobVariable().Value);
}
