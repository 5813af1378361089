using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;

namespace ChatBench.Tests.Bench;

/// <summary>
/// The error budget a run is given reaches every case as given: the blocking and client-stack cases as well as the
/// batches, and a live sweep's stop apart from a case's budget.
/// </summary>
public sealed class ErrorBudgetReachesEveryCaseTests
{
    [Fact]
    public void The_blocking_baseline_keeps_its_failures_within_the_runs_error_budget()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.02, 1), Faults = new StubFaults { ErrorRate = 1 } });
        var records = Directory.CreateTempSubdirectory("chatbench-budget-").FullName;
        var benchmark = new SeedScenarioBenchmarks();
        benchmark.SetUpAgainst(new RunSettings(TargetKind.Stub, stub.BaseUri, "gpt-4o", 0.02, 1, records, MaxErrorRate: 1));

        benchmark.Synchronous();
        benchmark.GlobalCleanup();

        var invocation = Assert.Single(RecordLog.Read(records, CaseKey.Of(benchmark, nameof(SeedScenarioBenchmarks.Synchronous))));
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
