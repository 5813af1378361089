using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using DiagnoserRunMode = BenchmarkDotNet.Diagnosers.RunMode;
using RunMode = BenchmarkDotNet.Jobs.RunMode;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// How many times BenchmarkDotNet 0.15.8 runs a case's global setup and calls its benchmark method, read from the case's
/// job and config the way its engine decides (BenchmarkRunnerClean.Execute, EngineFactory.CreateReadyToRun,
/// EngineStage.EnumerateStages, Engine.Run). For RunStrategy.Monitoring or ColdStart:
/// <list type="bullet">
/// <item>one process (launch) per launch count, plus one for a diagnoser that needs an extra run; each runs global setup once;</item>
/// <item>no jitting or pilot stage (only Throughput has them);</item>
/// <item>per launch, the warm-up iterations (none for ColdStart) and the actual ones, each calling the method invocation-count times;</item>
/// <item>one more iteration after them when a diagnoser needs extra statistics (MemoryDiagnoser, ThreadingDiagnoser, ExceptionDiagnoser);</item>
/// <item>with memory randomization, global cleanup and setup again after every warm-up and actual iteration.</item>
/// </list>
/// Throughput's pilot and warm-up stages stop when the timings settle, so its count is not known before the run.
/// </summary>
public sealed record CaseCalls(long Setups, long Invocations)
{
    /// <summary>BenchmarkDotNet's own default when a job with a fixed strategy sets no iteration count.</summary>
    private const int DefaultIterationCount = 10;

    public static CaseCalls Of(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var job = benchmarkCase.Job;
        var strategy = job.ResolveValue(RunMode.RunStrategyCharacteristic, EngineResolver.Instance);
        if (strategy == RunStrategy.Throughput)
        {
            throw new NotSupportedException($"{benchmarkCase.DisplayInfo}: RunStrategy.Throughput decides its invocation count while it runs, so no plan can count its requests; use Monitoring.");
        }

        var config = benchmarkCase.Config;
        var launches = LaunchCount(job) + (config.GetCompositeDiagnoser(benchmarkCase, DiagnoserRunMode.ExtraRun) is null ? 0 : 1);
        var warmUps = strategy == RunStrategy.ColdStart ? 0 : job.ResolveValueAsNullable(RunMode.WarmupCountCharacteristic) ?? 0;
        var iterations = job.ResolveValueAsNullable(RunMode.IterationCountCharacteristic) ?? DefaultIterationCount;
        var extraStats = config.HasExtraStatsDiagnoser() ? 1 : 0;
        long perIteration = job.ResolveValueAsNullable(RunMode.InvocationCountCharacteristic) ?? 1;
        var reSetups = job.ResolveValue(RunMode.MemoryRandomizationCharacteristic, EngineResolver.Instance) ? warmUps + iterations : 0;
        return new CaseCalls(launches * (1L + reSetups), launches * perIteration * (warmUps + iterations + extraStats));
    }

    private static int LaunchCount(Job job)
    {
        if (job.HasValue(RunMode.LaunchCountCharacteristic))
        {
            return Math.Max(1, job.Run.LaunchCount);
        }

        // Without a launch count, analysing run-to-run variance picks the count from the first launches' timings.
        return job.ResolveValue(AccuracyMode.AnalyzeLaunchVarianceCharacteristic, EngineResolver.Instance)
            ? throw new NotSupportedException("AnalyzeLaunchVariance without a launch count decides the number of launches while it runs; set a launch count.")
            : 1;
    }
}
