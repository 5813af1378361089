using System.ClientModel;
using System.Globalization;
using Polly;
using Polly.Retry;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// A retry strategy for chat calls built on Polly: it retries 429 and 5xx, waits what the server's
/// <c>retry-after-ms</c> or <c>Retry-After</c> header asks (plus up to 50 % jitter, so rejected callers do not all come
/// back at the same instant), and otherwise backs off exponentially with jitter.
/// </summary>
public static class RetryAfterResilience
{
    public static ResiliencePipeline Create(TimeSpan baseDelay, int maxRetries = 20) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ClientResultException>(e => e.Status is 429 or >= 500),
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ClientResultException e && RetryAfter(e) is { } wait
                ? wait + (wait * Random.Shared.NextDouble() * 0.5)
                : (TimeSpan?)null),
        })
        .Build();

    /// <summary>The wait a rate-limited response asks for: <c>retry-after-ms</c> first (finer), then <c>Retry-After</c> seconds.</summary>
    public static TimeSpan? RetryAfter(ClientResultException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var headers = exception.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return headers.TryGetValue("Retry-After", out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value)
            : null;
    }
}
