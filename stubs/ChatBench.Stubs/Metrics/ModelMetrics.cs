using System.Diagnostics;
using ChatBench.Stubs.Latency;
using Prometheus;

namespace ChatBench.Stubs.Metrics;

/// <summary>
/// One model's series, as vLLM labels them (<c>model_name</c>, <c>engine</c>): resolved once at start, so a request
/// records with a few interlocked adds and no label lookups. Timings come from the stub's own schedule: the time to
/// first token and the per-token interval are the plan the stub kept, the queue time and end-to-end latency are what
/// its clock saw.
/// </summary>
internal sealed class ModelMetrics
{
    private readonly Counter.Child stop;
    private readonly Counter.Child length;
    private readonly Counter.Child promptTokens;
    private readonly Counter.Child generationTokens;
    private readonly Counter.Child cacheQueries;
    private readonly Counter.Child cacheHits;
    private readonly Histogram.Child timeToFirstToken;
    private readonly Histogram.Child timePerOutputToken;
    private readonly Histogram.Child interTokenLatency;
    private readonly Histogram.Child endToEnd;
    private readonly Histogram.Child queueTime;
    private readonly Gauge.Child running;
    private readonly Gauge.Child waitingGauge;
    private int inFlight;
    private int waiting;

    public ModelMetrics(VllmMetricFamilies families, string model)
    {
        string[] labels = [model, VllmMetricFamilies.Engine];
        stop = families.RequestSuccess.WithLabels([.. labels, "stop"]);
        length = families.RequestSuccess.WithLabels([.. labels, "length"]);
        promptTokens = families.PromptTokens.WithLabels(labels);
        generationTokens = families.GenerationTokens.WithLabels(labels);
        cacheQueries = families.PrefixCacheQueries.WithLabels(labels);
        cacheHits = families.PrefixCacheHits.WithLabels(labels);
        timeToFirstToken = families.TimeToFirstToken.WithLabels(labels);
        timePerOutputToken = families.TimePerOutputToken.WithLabels(labels);
        interTokenLatency = families.InterTokenLatency.WithLabels(labels);
        endToEnd = families.EndToEndLatency.WithLabels(labels);
        queueTime = families.QueueTime.WithLabels(labels);
        running = families.Running.WithLabels(labels);
        waitingGauge = families.Waiting.WithLabels(labels);
    }

    /// <summary>A request passed the checks and holds the server (queued for a slot or answering) until <see cref="Left"/>.</summary>
    public void Entered() => Interlocked.Increment(ref inFlight);

    public void Left() => Interlocked.Decrement(ref inFlight);

    /// <summary>A request waits in the capacity model's queue until <see cref="Admitted"/>.</summary>
    public void Queued() => Interlocked.Increment(ref waiting);

    public void Admitted() => Interlocked.Decrement(ref waiting);

    /// <summary>As vLLM counts them: the prompt tokens looked up in the prefix cache, and of those, the ones it held.</summary>
    public void Looked(int promptTokens, int cachedTokens)
    {
        cacheQueries.Inc(promptTokens);
        cacheHits.Inc(cachedTokens);
    }

    /// <summary>
    /// A request answered whole: <paramref name="arrival"/> is when the stub took it, <paramref name="start"/> when its
    /// plan's clock started (the same, or its admission from the capacity queue).
    /// </summary>
    public void Succeeded(int prompt, ResponsePlan plan, long arrival, long start)
    {
        // A plan finishes on "length" (max_tokens reached) or "stop": the only two reasons the stub writes.
        (plan.FinishReason == "length" ? length : stop).Inc();
        promptTokens.Inc(prompt);
        generationTokens.Inc(plan.CompletionTokens);
        var queued = Stopwatch.GetElapsedTime(arrival, start).TotalSeconds;
        queueTime.Observe(queued);
        timeToFirstToken.Observe(queued + plan.TimeToFirstToken.TotalSeconds);
        if (plan.CompletionTokens > 1)
        {
            // Every interval of a plan is the same, so one weighted observation stands for all of them.
            var interval = plan.InterTokenInterval.TotalSeconds;
            timePerOutputToken.Observe(interval, plan.CompletionTokens - 1);
            interTokenLatency.Observe(interval, plan.CompletionTokens - 1);
        }

        endToEnd.Observe(Stopwatch.GetElapsedTime(arrival).TotalSeconds);
    }

    /// <summary>Copies the live counts into the gauges, just before a scrape.</summary>
    public void Publish()
    {
        var queued = Volatile.Read(ref waiting);
        waitingGauge.Set(queued);
        running.Set(Math.Max(0, Volatile.Read(ref inFlight) - queued));
    }
}
