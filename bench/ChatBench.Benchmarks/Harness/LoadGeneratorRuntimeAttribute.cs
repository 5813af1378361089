using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Runs a class's benchmark processes as a load generator's, not an application's: for the classes whose client
/// generates load or is an instrument that must leave the two cores to the stub it measures.
/// <list type="bullet">
/// <item>The thread pool's workers sleep as soon as they find no work instead of spinning (<c>sched_yield</c>) first. At
/// 30 req/s the spinning was most of the client's CPU (measured: 6.5 of 7.7 ms a request on a loaded machine, 1.8 of
/// 2.8 without it).</item>
/// <item>Socket completions run on the socket engine's thread instead of being handed to a pool thread. Every streamed
/// token is a completion, and each hand-off woke a sleeping worker: at 30 req/s, about 45 tokens a request, the
/// client used 4.0 ms of CPU a request with the hand-off and 2.1 ms without it (quiet machine, same commit). The
/// client's continuations never block, which is what running them there requires.</item>
/// </list>
/// An application can set both (environment variables or <c>runtimeconfig.json</c>); few do, and the classes that
/// measure a client stack keep .NET's defaults. The run's own job variable is kept: a job's variables are one list.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LoadGeneratorRuntimeAttribute() : JobMutatorConfigBaseAttribute(Job.Default.WithEnvironmentVariables(
    [RunSettings.Current.ToJobVariable(), new EnvironmentVariable(SpinLimitVariable, "0"), new EnvironmentVariable(InlineCompletionsVariable, "1")]))
{
    public const string SpinLimitVariable = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";

    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
}
