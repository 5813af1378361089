using System.CommandLine;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Latency;
using static ChatBench.Stubs.Hosting.ValidatedOption;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// Every option of the stub program, declared once: name, help, default and check. <see cref="StubCommandLine"/> reads
/// them and <see cref="StubArguments"/> writes them, so the two cannot drift apart. A new option is declared here, read
/// in <see cref="StubCommandLine.ToLaunch"/> and written in <see cref="StubArguments.For"/>; the tests check that every
/// declared option is written and that a launch with every value changed parses back to itself.
/// </summary>
internal sealed class StubCommandLineOptions
{
    public const string FastPipeline = "fast";
    public const string WireMockPipeline = "wiremock";
    public const string Http1Protocol = "http1";
    public const string H2cProtocol = "h2c";

    public Option<int> Port { get; } = Ranged("--port", "N", "TCP port; 0 picks a free one", StubCommandLine.DefaultPort, 0, 65535);

    public Option<string> Host { get; } = Checked(
        new Option<string>("--host") { HelpName = "ADDRESS", Description = "address to listen on; anything but loopback exposes the stub beyond this machine", DefaultValueFactory = _ => new StubOptions().Host },
        v => !string.IsNullOrWhiteSpace(v),
        "needs an address");

    public Option<double> TimeScale { get; } = Positive("--time-scale", "X", "multiply every latency by X (0.1 runs ten times faster)", LatencyProfile.Default.TimeScale);

    public Option<ulong> Seed { get; } = new("--seed") { HelpName = "N", Description = "seed of the per-request jitter", DefaultValueFactory = _ => LatencyProfile.Default.Seed };

    public Option<double> TtftMs { get; } = Positive("--ttft-ms", "MS", "time to first token before jitter and scaling", LatencyProfile.Default.TimeToFirstToken.TotalMilliseconds);

    public Option<double> TokenMs { get; } = Positive("--token-ms", "MS", "interval between output tokens before jitter and scaling", LatencyProfile.Default.InterTokenInterval.TotalMilliseconds);

    public Option<double> Jitter { get; } = Checked(
        new Option<double>("--jitter") { HelpName = "F", Description = "relative jitter, 0 <= F < 1", DefaultValueFactory = _ => LatencyProfile.Default.Jitter },
        v => v is >= 0 and < 1,
        "needs a number from 0 up to (not including) 1");

    public Option<int> ShortPromptChars { get; } = Ranged("--short-prompt-chars", "N", "prompts up to N characters get the short answer", DefaultPromptRules.ShortPromptMaxLength, 0, int.MaxValue);

    public Option<string> Models { get; } = Checked(
        new Option<string>("--models") { HelpName = "A,B,...", Description = "models the stub answers for", DefaultValueFactory = _ => string.Join(',', new StubOptions().Models) },
        v => SplitModels(v).Length > 0,
        "needs at least one model name");

    public Option<string?> ApiKey { get; } = Checked(
        new Option<string?>("--api-key") { HelpName = "KEY", Description = "require \"Authorization: Bearer KEY\" (401 otherwise)" },
        v => v is not { Length: 0 },
        "needs a non-empty key");

    public Option<int?> MaxConcurrency { get; } = Checked(
        new Option<int?>("--max-concurrency") { HelpName = "K", Description = "answer 429 with Retry-After above K requests in flight" },
        v => v is null or >= 1,
        "needs a whole number of 1 or more");

    public Option<double?> RetryAfterMs { get; } = Checked(
        new Option<double?>("--retry-after-ms") { HelpName = "MS", Description = "the wait a 429 asks for (default 1000 times the time scale)" },
        v => v is not { } ms || (ms >= 0 && double.IsFinite(ms)),
        "needs a number of 0 or more");

    public Option<double> ErrorRate { get; } = Checked(
        new Option<double>("--error-rate") { HelpName = "P", Description = "answer 500 to a fraction P of requests" },
        v => v is >= 0 and <= 1,
        "needs a number from 0 to 1");

    public Option<double?> StallMs { get; } = Checked(
        new Option<double?>("--stall-ms") { HelpName = "MS", Description = "hold every request MS milliseconds before the first byte" },
        v => v is not { } ms || (ms > 0 && double.IsFinite(ms)),
        "needs a positive number");

    public Option<int?> CutAfter { get; } = Checked(
        new Option<int?>("--cut-after") { HelpName = "N", Description = "cut every stream after N events" },
        v => v is null or >= 1,
        "needs a whole number of 1 or more");

    public Option<long> MaxBodyBytes { get; } = Checked(
        new Option<long>("--max-body-bytes") { HelpName = "N", Description = "larger request bodies get 413 request_too_large", DefaultValueFactory = _ => StubOptions.DefaultMaxBodyBytes },
        v => v >= 1,
        "needs a whole number of 1 or more");

    public Option<int?> Slots { get; } = Checked(
        new Option<int?>("--slots") { HelpName = "K", Description = "finite capacity: K sequences at once, the rest wait in a FIFO queue (off by default)" },
        v => v is null or >= 1,
        "needs a whole number of 1 or more");

    public Option<double> PrefillMs { get; } = Checked(
        new Option<double>("--prefill-ms") { HelpName = "MS", Description = "with --slots: extra time to first token per uncached prompt token, before scaling", DefaultValueFactory = _ => CapacityModel.OpenLoop.PrefillPerPromptToken.TotalMilliseconds },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of 0 or more");

    public Option<double> DecodeSlowdown { get; } = Checked(
        new Option<double>("--decode-slowdown") { HelpName = "F", Description = "with --slots: inter-token time x (1 + F x (active sequences - 1))", DefaultValueFactory = _ => CapacityModel.OpenLoop.DecodeSlowdown },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of 0 or more");

    public Option<string> Pipeline { get; } = OneOf("--pipeline", "how chat requests go through WireMock.Net", FastPipeline, WireMockPipeline);

    public Option<string> Protocol { get; } = OneOf("--protocol", "h2c serves HTTP/2 only, without TLS (clients must use HTTP/2 prior knowledge)", Http1Protocol, H2cProtocol);

    public Option<double> LengthJitter { get; } = Checked(
        new Option<double>("--length-jitter") { HelpName = "F", Description = "cut each answer to a fraction within [1-F, 1] of its tokens, 0 <= F < 1" },
        v => v is >= 0 and < 1,
        "needs a number from 0 up to (not including) 1");

    public Option<double> TtftPerTokenMs { get; } = Checked(
        new Option<double>("--ttft-per-token-ms") { HelpName = "MS", Description = "added to the time to first token per uncached prompt token (prefill)" },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of 0 or more");

    public Option<string?> ProfileFile { get; } = RecordedProfileOption();

    public Option<bool> ReplayErrors { get; } = new("--replay-errors") { Description = "with --profile: replay the recorded errors (429, 5xx, timeouts, cut streams) at their recorded rates" };

    public Option<int> ContextWindow { get; } = Ranged("--context-window", "N", "the model's context window: longer prompts (plus max_tokens) get 400 context_length_exceeded", StubOptions.DefaultContextWindow, 1, int.MaxValue);

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "turn the prompt prefix cache off: every prompt is prefilled whole, cached_tokens stays 0" };

    public Option<bool> NoMetrics { get; } = new("--no-metrics") { Description = "do not serve GET /metrics (vLLM's metrics in Prometheus text format)" };

    public Option<int> CacheTokens { get; } = Ranged("--cache-tokens", "N", "prefix cache capacity in tokens, least recently used blocks evicted first", PrefixCacheOptions.DefaultCapacityTokens, PrefixCache.BlockTokens, int.MaxValue);

    public Option<double?> CacheTtlMs { get; } = Checked(
        new Option<double?>("--cache-ttl-ms") { HelpName = "MS", Description = "drop cached blocks unused for MS milliseconds (real time, not scaled; default: kept until evicted)" },
        v => v is not { } ms || (ms > 0 && double.IsFinite(ms)),
        "needs a positive number");

    public Option<double> ShutdownGraceMs { get; } = Checked(
        new Option<double>("--shutdown-grace-ms") { HelpName = "MS", Description = "on SIGTERM or Ctrl+C, stop accepting and let answers in flight finish for up to MS milliseconds (real time), then cut them", DefaultValueFactory = _ => StubLaunch.DefaultShutdownGrace.TotalMilliseconds },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of milliseconds, 0 or more");

    public Option<int?> ParentPid { get; } = Checked(
        new Option<int?>("--parent-pid") { HelpName = "PID", Description = "exit (cutting answers in flight) once process PID has ended, even if it was killed: give the pid of the program that starts the stub" },
        v => v is not { } pid || pid > 0,
        "needs a process id, 1 or more");

    /// <summary>In the order <c>--help</c> lists them.</summary>
    public IEnumerable<Option> All =>
        [Port, Host, TimeScale, Seed, TtftMs, TokenMs, Jitter, ShortPromptChars, Models, ApiKey, MaxConcurrency, RetryAfterMs, ErrorRate, StallMs, CutAfter, MaxBodyBytes, Slots, PrefillMs, DecodeSlowdown, Pipeline, Protocol, LengthJitter, TtftPerTokenMs, ContextWindow, NoCache, CacheTokens, CacheTtlMs, NoMetrics, ProfileFile, ReplayErrors, ShutdownGraceMs, ParentPid];

    public static string[] SplitModels(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
