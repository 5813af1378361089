using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Runs a class's benchmark processes with the thread pool's workers sleeping as soon as they find no work, instead of
/// spinning (<c>sched_yield</c>) first: for the classes whose client is a load generator or an instrument that must
/// leave the two cores to the stub it measures. At 30 req/s the spinning was most of the client's CPU (measured:
/// 6.5 of 7.7 ms a request on a loaded machine, 1.8 of 2.8 without it). An application keeps .NET's default, and so do
/// the classes that measure a client stack. The run's own job variable is kept: a job's variables are one list.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LoadGeneratorRuntimeAttribute() : JobMutatorConfigBaseAttribute(Job.Default.WithEnvironmentVariables(
    [RunSettings.Current.ToJobVariable(), new EnvironmentVariable(SpinLimitVariable, "0")]))
{
    public const string SpinLimitVariable = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";
}
