using System.Globalization;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.ServerMetrics;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Results;

/// <summary>Builds one case's <see cref="CaseResult"/> from BenchmarkDotNet's report and what the case measured, every metric computed here.</summary>
public static class CaseResults
{
    public static CaseResult From(Summary summary, BenchmarkCase benchmarkCase, MeasuredCase measured, IReadOnlyList<CaseMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        ArgumentNullException.ThrowIfNull(measured);
        var report = summary[benchmarkCase];
        var invocations = measured.Invocations;
        var statistics = report?.ResultStatistics;
        return new CaseResult
        {
            Method = benchmarkCase.Descriptor.WorkloadMethod.Name,
            Parameters = benchmarkCase.Parameters.Items.ToDictionary(p => p.Name, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty),
            Baseline = benchmarkCase.Descriptor.Baseline,
            Success = report is { Success: true } && statistics is not null,
            IterationsMs = report?.AllMeasurements
                .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual)
                .Select(m => Round(m.Nanoseconds / m.Operations / 1e6))
                .ToList() ?? [],
            Statistics = statistics is null
                ? null
                : new CaseStatistics(statistics.N, Ms(statistics.Mean), Ms(statistics.Median), Ms(statistics.StandardDeviation), Ms(statistics.Min), Ms(statistics.Max)),
            IdealMs = measured.IdealMs is { } ideal ? Round(ideal) : null,
            Efficiency = measured.Efficiency,
            Columns = CaseMetrics.Compute(metrics, measured),
            Latency = measured.Latency,
            Iterations = invocations.Select(Iteration).ToList(),
            Samples = invocations.Count == 0 ? null : Samples(invocations),
            MedianIteration = MedianIteration(invocations),
            Requests = RequestSamples(invocations),
            Server = ServerView.Of(invocations),
        };
    }

    private static IterationResult Iteration(InvocationRecord invocation) => new(invocation)
    {
        Requests = invocation.Requests.Count,
        Failed = invocation.Requests.Count(r => !r.Succeeded),
        SpanMs = invocation.Requests.Count == 0 ? 0 : Round(invocation.Requests.Max(r => r.EndMs) - invocation.Requests.Min(r => r.StartMs)),
        FirstAnswered = invocation.Requests.Where(r => r.Succeeded).MinBy(r => r.EndMs)?.Index,
    };

    private static LatencySamples Samples(IReadOnlyList<InvocationRecord> invocations)
    {
        var metrics = invocations.SelectMany(i => i.Requests).Select(RequestLatency.Of).OfType<RequestLatency>().ToList();
        return new LatencySamples(
            metrics.Select(m => m.Ttft).OfType<double>().Select(Round).ToList(),
            metrics.Select(m => m.Itl).OfType<double>().Select(Round).ToList(),
            metrics.Select(m => Round(m.E2E)).ToList());
    }

    private static List<RequestRecord>? RequestSamples(IReadOnlyList<InvocationRecord> invocations)
    {
        var requests = invocations.SelectMany(i => i.Requests).ToList();
        return requests.Any(r => r.ChunkGapsMs is not null || r.SendLagMs is not null) ? requests.Select(Rounded).ToList() : null;
    }

    /// <summary>The median iteration's requests, rounded.</summary>
    private static List<RequestRecord>? MedianIteration(IReadOnlyList<InvocationRecord> invocations)
    {
        if (invocations.Count == 0 || invocations[0].Requests.Count > CaseResult.MedianIterationLimit)
        {
            return null;
        }

        var median = invocations.OrderBy(i => i.Requests.Count == 0 ? 0 : i.Requests.Max(r => r.EndMs)).ElementAt(invocations.Count / 2);
        return median.Requests
            .OrderBy(r => r.Index)
            .Select(Rounded)
            .ToList();
    }

    /// <summary>A request as recorded, rounded to the microsecond, without its per-chunk gaps and overhead parts.</summary>
    private static RequestRecord Rounded(RequestRecord r) => r with
    {
        StartMs = Round(r.StartMs),
        FirstTokenMs = r.FirstTokenMs is { } first ? Round(first) : null,
        LastTokenMs = r.LastTokenMs is { } last ? Round(last) : null,
        EndMs = Round(r.EndMs),
        ChunkGapsMs = null,
        Timing = null,
    };

    private static double Ms(double nanoseconds) => Round(nanoseconds / 1e6);

    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);
}
