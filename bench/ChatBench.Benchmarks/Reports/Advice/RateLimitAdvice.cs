using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Scenarios;
using static ChatBench.Benchmarks.Reports.Advice.AdviceFormat;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>Advice from the rate-limit policies: bound at the provider's limit, and honour Retry-After when you cannot.</summary>
public static class RateLimitAdvice
{
    private const string Benchmark = nameof(RateLimitBenchmarks);

    public static AdviceItem? Bounded(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var bounded = results.Case(Benchmark, nameof(RateLimitBenchmarks.BoundedToCapacity));
        var sdk = results.Case(Benchmark, nameof(RateLimitBenchmarks.UnboundedSdkRetries));
        if (bounded is null || sdk is null || Outcome(bounded) is not { } b || Outcome(sdk) is not { } s)
        {
            return null;
        }

        return new AdviceItem(
            $"Bound requests in flight at your provider's limit (a `SemaphoreSlim` of that size): a batch of {Count(b.Requests)} took {Ms(bounded.MeanMs!.Value)} ms with {PerBatch(b.RateLimited)} 429s and {PerBatch(b.Failed)} requests lost, against {Ms(sdk.MeanMs!.Value)} ms, {PerBatch(s.RateLimited)} 429s and {PerBatch(s.Failed)} lost when the SDK's own retries met the limit.",
            results.SectionOf(Benchmark));
    }

    public static AdviceItem? RetryAfter(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var honoured = results.Case(Benchmark, nameof(RateLimitBenchmarks.UnboundedRetryAfter));
        var sdk = results.Case(Benchmark, nameof(RateLimitBenchmarks.UnboundedSdkRetries));
        if (honoured is null || sdk is null || Outcome(honoured) is not { } h || Outcome(sdk) is not { } s)
        {
            return null;
        }

        var verdict = h.Failed < s.Failed || (honoured.MeanMs < sdk.MeanMs && MeanDifference.IsClear(honoured, sdk))
            ? "When you cannot bound, wait as long as a 429's `Retry-After` asks"
            : "Waiting as long as a 429's `Retry-After` asks did not help in this run";
        return new AdviceItem(
            $"{verdict}: unbounded, that batch took {Ms(honoured.MeanMs!.Value)} ms and lost {PerBatch(h.Failed)} of {Count(h.Requests)} requests, against {Ms(sdk.MeanMs!.Value)} ms and {PerBatch(s.Failed)} lost with the SDK's default retries.",
            results.SectionOf(Benchmark));
    }

    /// <summary>Per batch, means of the measured iterations: requests, and the 429s and lost requests the section's table shows.</summary>
    private static (double Requests, double RateLimited, double Failed)? Outcome(CaseResult result) =>
        result.Iterations.Count > 0 && result.Column(BatchMetrics.RateLimited) is { } rateLimited && result.Column(BatchMetrics.Failed) is { } failed
            ? (result.Iterations.Average(i => i.Requests), rateLimited, failed)
            : null;
}
