using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>
/// What one benchmark case measured, as the host has it after the run: the records of its measured invocations and the
/// figures only BenchmarkDotNet has. Every metric of the case is computed from this, once.
/// </summary>
/// <param name="Invocations">The measured invocations' records (warm-ups left out); empty for a failed case.</param>
/// <param name="MeanMs">BenchmarkDotNet's mean iteration time in milliseconds; null for a failed case.</param>
/// <param name="Schedule">How the method schedules its requests, when it declares it: what its ideal time means.</param>
/// <param name="Workers">With a bounded schedule, the number of requests in flight.</param>
/// <param name="AllocatedBytesPerInvocation">MemoryDiagnoser's managed bytes per call, when the class turns it on.</param>
public sealed class MeasuredCase(
    IReadOnlyList<InvocationRecord> invocations,
    double? meanMs,
    ScheduleKind? schedule = null,
    int workers = 1,
    double? allocatedBytesPerInvocation = null)
{
    private readonly Lazy<CaseLatency?> latency = new(() => invocations.Count == 0 ? null : CaseLatency.Of(invocations));
    private readonly Lazy<OpenLoopFigures?> openLoop = new(() => OpenLoopFigures.Of(invocations));
    private readonly Lazy<ConcurrentUsersFigures?> concurrentUsers = new(() => ConcurrentUsersFigures.Of(invocations));
    private readonly Lazy<double?> idealMs = new(() => schedule is { } kind && invocations.Count > 0
        ? invocations.Average(i => IdealSchedule.Makespan(i.Requests.OrderBy(r => r.Index).Select(r => r.ExpectedTotalMs ?? r.LatencyMs).ToList(), kind, Math.Max(workers, 1)))
        : null);

    public IReadOnlyList<InvocationRecord> Invocations { get; } = invocations;

    public double? MeanMs { get; } = meanMs;

    public double? AllocatedBytesPerInvocation { get; } = allocatedBytesPerInvocation;

    /// <summary>The latency distributions, throughput and errors per kind; null without measured invocations.</summary>
    public CaseLatency? Latency => latency.Value;

    /// <summary>The open-loop figures, for cases that ran an open loop.</summary>
    public OpenLoopFigures? OpenLoop => openLoop.Value;

    /// <summary>The figures of a sweep over concurrent users, for cases of one.</summary>
    public ConcurrentUsersFigures? ConcurrentUsers => concurrentUsers.Value;

    /// <summary>
    /// The batch's zero-overhead time, averaged over the measured invocations: on the stub each request's latency is the
    /// stub's plan; on a live target the latency the run measured (an estimate). Null without a declared schedule.
    /// </summary>
    public double? IdealMs => idealMs.Value;

    /// <summary>Ideal / mean: 1 means no overhead at all.</summary>
    public double? Efficiency => MeanMs is > 0 && IdealMs is { } ideal ? ideal / MeanMs : null;

    /// <summary>Whether any request streamed (has a time to first token).</summary>
    public bool Streams => Invocations.Any(i => i.Requests.Any(r => r.FirstTokenMs is not null));

    /// <summary>The median over the measured invocations of a per-invocation figure, where recorded.</summary>
    public double? MedianPerInvocation(Func<InvocationRecord, double?> figure) =>
        Distribution.Median(Invocations.Select(figure).OfType<double>().ToList());
}
