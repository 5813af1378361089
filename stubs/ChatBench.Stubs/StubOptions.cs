using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs;

/// <summary>Everything that defines one stub instance.</summary>
public sealed record StubOptions
{
    /// <summary>4 MiB, far above any chat prompt.</summary>
    public const long DefaultMaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>gpt-4o's context window, in tokens.</summary>
    public const int DefaultContextWindow = 128_000;

    /// <summary>The TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The address to listen on: loopback unless a caller explicitly asks for another.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>When answers come: the built-in latency model by default, time scale 1.</summary>
    public LatencyProfile Profile { get; init; } = LatencyProfile.Default;

    /// <summary>Injected failures: 429 over a concurrency limit, 500 at a rate, a required API key, stalls, cut streams.</summary>
    public StubFaults Faults { get; init; } = StubFaults.None;

    /// <summary>A server of finite capacity (slots, a FIFO queue, prefill, decode slowdown); null, the default, never saturates.</summary>
    public CapacityModel? Capacity { get; init; }

    /// <summary>
    /// The prompt prefix cache, on by default as OpenAI's is: cached tokens are reported in <c>usage</c> and not
    /// prefilled again. <see cref="PrefixCacheOptions.Off"/> turns it off (every prompt is prefilled whole).
    /// </summary>
    public PrefixCacheOptions PrefixCache { get; init; } = PrefixCacheOptions.Default;

    /// <summary>
    /// The model's context window in tokens: a prompt whose tokens, plus <c>max_tokens</c> when given, exceed it gets
    /// 400 <c>context_length_exceeded</c>, as OpenAI answers.
    /// </summary>
    public int ContextWindow { get; init; } = DefaultContextWindow;

    /// <summary>The models the stub answers for; any other gets 404 <c>model_not_found</c>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-3.5-turbo"];

    /// <summary>How chat requests reach the handler: the fast path (default) or a WireMock.Net mapping.</summary>
    public StubPipeline Pipeline { get; init; } = StubPipeline.FastPath;

    /// <summary>
    /// Serve HTTP/2 only, over plain TCP (h2c with prior knowledge, as gRPC does), instead of HTTP/1.1. Clients must ask
    /// for HTTP/2 exactly (HttpClient: request version 2.0 with <c>RequestVersionExact</c>); HTTP/1.1 requests fail.
    /// </summary>
    public bool Http2Only { get; init; }

    /// <summary>
    /// The largest chat request body accepted, in bytes; a larger one gets 413 <c>request_too_large</c> without being
    /// read whole. The default, 4 MiB, is far above any chat prompt the benchmarks send.
    /// </summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Serve <c>GET /metrics</c>: vLLM's metrics in Prometheus text format (on by default; off saves the few adds each
    /// request records).
    /// </summary>
    public bool Metrics { get; init; } = true;

    /// <summary>How many WireMock request-log entries to keep (for the non-chat routes); bounded so memory stays flat.</summary>
    public int MaxRequestLogCount { get; init; } = 100;
}
