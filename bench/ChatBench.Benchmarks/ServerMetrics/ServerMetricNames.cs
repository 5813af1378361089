namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// What an inference server calls the series the harness reads. vLLM's names are what the stub serves too; SGLang's
/// mean the same under its own prefix. Histograms are in seconds, as both export them.
/// </summary>
/// <param name="Server">How the results name the dialect.</param>
/// <param name="Requests">The counter of finished requests; vLLM labels it by finish reason.</param>
/// <param name="InterToken">Time between output tokens: the first name the server exports is read.</param>
public sealed record ServerMetricNames(
    string Server,
    string Running,
    string Waiting,
    string Requests,
    string PromptTokens,
    string GenerationTokens,
    string Ttft,
    string E2E,
    string? QueueTime,
    IReadOnlyList<string> InterToken)
{
    /// <summary>The server process's CPU seconds: the standard process collector's counter, which vLLM, SGLang and the stub export.</summary>
    public const string ProcessCpu = "process_cpu_seconds_total";

    /// <summary>The label vLLM gives a finished request's reason (stop, length, abort).</summary>
    public const string FinishReasonLabel = "finished_reason";

    public static ServerMetricNames Vllm { get; } = new(
        "vllm",
        "vllm:num_requests_running",
        "vllm:num_requests_waiting",
        "vllm:request_success_total",
        "vllm:prompt_tokens_total",
        "vllm:generation_tokens_total",
        "vllm:time_to_first_token_seconds",
        "vllm:e2e_request_latency_seconds",
        "vllm:request_queue_time_seconds",
        ["vllm:inter_token_latency_seconds", "vllm:time_per_output_token_seconds"]);

    public static ServerMetricNames Sglang { get; } = new(
        "sglang",
        "sglang:num_running_reqs",
        "sglang:num_queue_reqs",
        "sglang:num_requests_total",
        "sglang:prompt_tokens_total",
        "sglang:generation_tokens_total",
        "sglang:time_to_first_token_seconds",
        "sglang:e2e_request_latency_seconds",
        null,
        ["sglang:inter_token_latency_seconds", "sglang:time_per_output_token_seconds"]);

    /// <summary>The names the exposition uses, by its time-to-first-token histogram; null for a server of neither kind.</summary>
    public static ServerMetricNames? Of(PrometheusExposition exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        return new[] { Vllm, Sglang }.FirstOrDefault(names => exposition.Has(names.Ttft));
    }
}
