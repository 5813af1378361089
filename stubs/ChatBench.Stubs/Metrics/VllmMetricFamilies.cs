using Prometheus;

namespace ChatBench.Stubs.Metrics;

/// <summary>
/// The metric families vLLM's Prometheus logger exposes, with its names, help texts, label names and bucket boundaries,
/// in one registry of the stub's own (never the process-wide default, so two stubs in one process keep apart).
/// prometheus-net refuses a colon in a name, so each is registered with <c>vllm_</c> and exposed as <c>vllm:</c>
/// (<see cref="VllmNamespace"/>).
/// </summary>
internal sealed class VllmMetricFamilies
{
    /// <summary>vLLM labels every series with its engine core's index; the stub is one engine.</summary>
    public const string Engine = "0";

    private static readonly string[] Labels = ["model_name", "engine"];

    public VllmMetricFamilies(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Running = factory.CreateGauge("vllm_num_requests_running", "Number of requests in model execution batches.", Labels);
        Waiting = factory.CreateGauge("vllm_num_requests_waiting", "Number of requests waiting to be processed.", Labels);
        RequestSuccess = factory.CreateCounter("vllm_request_success_total", "Count of successfully processed requests.", [.. Labels, "finished_reason"]);
        PromptTokens = factory.CreateCounter("vllm_prompt_tokens_total", "Number of prefill tokens processed.", Labels);
        GenerationTokens = factory.CreateCounter("vllm_generation_tokens_total", "Number of generation tokens processed.", Labels);
        PrefixCacheQueries = factory.CreateCounter("vllm_prefix_cache_queries_total", "Prefix cache queries, in terms of number of queried tokens.", Labels);
        PrefixCacheHits = factory.CreateCounter("vllm_prefix_cache_hits_total", "Prefix cache hits, in terms of number of cached tokens.", Labels);
        TimeToFirstToken = Histogram(factory, "vllm_time_to_first_token_seconds", "Histogram of time to first token in seconds.", VllmBuckets.TimeToFirstToken);
        TimePerOutputToken = Histogram(factory, "vllm_time_per_output_token_seconds", "Histogram of time per output token in seconds.", VllmBuckets.TimePerOutputToken);
        InterTokenLatency = Histogram(factory, "vllm_inter_token_latency_seconds", "Histogram of inter-token latency in seconds.", VllmBuckets.TimePerOutputToken);
        EndToEndLatency = Histogram(factory, "vllm_e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.", VllmBuckets.RequestLatency);
        QueueTime = Histogram(factory, "vllm_request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.", VllmBuckets.RequestLatency);
    }

    public Gauge Running { get; }

    public Gauge Waiting { get; }

    public Counter RequestSuccess { get; }

    public Counter PromptTokens { get; }

    public Counter GenerationTokens { get; }

    public Counter PrefixCacheQueries { get; }

    public Counter PrefixCacheHits { get; }

    public Histogram TimeToFirstToken { get; }

    public Histogram TimePerOutputToken { get; }

    public Histogram InterTokenLatency { get; }

    public Histogram EndToEndLatency { get; }

    public Histogram QueueTime { get; }

    private static Histogram Histogram(IMetricFactory factory, string name, string help, double[] buckets) =>
        factory.CreateHistogram(name, help, new HistogramConfiguration { Buckets = buckets, LabelNames = Labels });
}
