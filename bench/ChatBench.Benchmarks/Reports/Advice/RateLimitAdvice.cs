using ChatBench.Benchmarks.Results;
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
            $"Bound requests in flight at your provider's limit (a `SemaphoreSlim` of that size): a batch of {Count(b.Requests)} took {Ms(bounded.MeanMs!.Value)} ms with {Count(b.RateLimited)} 429s and {Count(b.Failed)} requests lost, against {Ms(sdk.MeanMs!.Value)} ms, {Count(s.RateLimited)} 429s and {Count(s.Failed)} lost when the SDK's own retries met the limit.",
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

        var verdict = h.Failed < s.Failed || honoured.MeanMs < sdk.MeanMs * (1 - MaterialDifference)
            ? "When you cannot bound, wait as long as a 429's `Retry-After` asks"
            : "Waiting as long as a 429's `Retry-After` asks did not help in this run";
        return new AdviceItem(
            $"{verdict}: unbounded, that batch took {Ms(honoured.MeanMs!.Value)} ms and lost {Count(h.Failed)} of {Count(h.Requests)} requests, against {Ms(sdk.MeanMs!.Value)} ms and {Count(s.Failed)} lost with the SDK's default retries.",
            results.SectionOf(Benchmark));
    }

    /// <summary>Per batch, mean of the measured iterations: requests, 429 answers, requests finally lost.</summary>
    private static (double Requests, double RateLimited, double Failed)? Outcome(CaseResult result) =>
        result.Iterations.Count == 0 || result.Iterations.Any(i => i.RateLimited is null)
            ? null
            : (result.Iterations.Average(i => i.Requests), result.Iterations.Average(i => (double)i.RateLimited!.Value), result.Iterations.Average(i => i.Failed));
}
