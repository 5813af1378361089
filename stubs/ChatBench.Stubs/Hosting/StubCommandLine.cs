using System.CommandLine;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using static ChatBench.Stubs.Hosting.ValidatedOption;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// The standalone server's command line, on System.CommandLine: <c>--help</c> is generated from the options below, and
/// a wrong option is one line on standard error and exit code 2.
/// </summary>
public sealed class StubCommandLine
{
    public const int DefaultPort = 5080;

    public const int BadUsageExitCode = 2;

    private readonly Option<int> port = Ranged("--port", "N", "TCP port; 0 picks a free one", DefaultPort, 0, 65535);
    private readonly Option<string> host = Checked(
        new Option<string>("--host") { HelpName = "ADDRESS", Description = "address to listen on; anything but loopback exposes the stub beyond this machine", DefaultValueFactory = _ => "127.0.0.1" },
        v => !string.IsNullOrWhiteSpace(v),
        "needs an address");
    private readonly Option<double> timeScale = Positive("--time-scale", "X", "multiply every latency by X (0.1 runs ten times faster)", 1);
    private readonly Option<ulong> seed = new("--seed") { HelpName = "N", Description = "seed of the per-request jitter", DefaultValueFactory = _ => 1 };
    private readonly Option<double> ttftMs = Positive("--ttft-ms", "MS", "time to first token before jitter and scaling", 450);
    private readonly Option<double> tokenMs = Positive("--token-ms", "MS", "interval between output tokens before jitter and scaling", 12);
    private readonly Option<double> jitter = Checked(
        new Option<double>("--jitter") { HelpName = "F", Description = "relative jitter, 0 <= F < 1", DefaultValueFactory = _ => 0.1 },
        v => v is >= 0 and < 1,
        "needs a number from 0 up to (not including) 1");
    private readonly Option<int> shortPromptChars = Ranged("--short-prompt-chars", "N", "prompts up to N characters get the short answer", DefaultPromptRules.ShortPromptMaxLength, 0, int.MaxValue);
    private readonly Option<string> models = Checked(
        new Option<string>("--models") { HelpName = "A,B,...", Description = "models the stub answers for", DefaultValueFactory = _ => string.Join(',', new StubOptions().Models) },
        v => SplitModels(v).Length > 0,
        "needs at least one model name");
    private readonly Option<string?> apiKey = Checked(
        new Option<string?>("--api-key") { HelpName = "KEY", Description = "require \"Authorization: Bearer KEY\" (401 otherwise)" },
        v => v is not { Length: 0 },
        "needs a non-empty key");
    private readonly Option<int?> maxConcurrency = Checked(
        new Option<int?>("--max-concurrency") { HelpName = "K", Description = "answer 429 with Retry-After above K requests in flight" },
        v => v is null or >= 1,
        "needs a whole number of 1 or more");
    private readonly Option<double?> retryAfterMs = Checked(
        new Option<double?>("--retry-after-ms") { HelpName = "MS", Description = "the wait a 429 asks for (default 1000 times the time scale)" },
        v => v is not { } ms || (ms >= 0 && double.IsFinite(ms)),
        "needs a number of 0 or more");
    private readonly Option<double> errorRate = Checked(
        new Option<double>("--error-rate") { HelpName = "P", Description = "answer 500 to a fraction P of requests" },
        v => v is >= 0 and <= 1,
        "needs a number from 0 to 1");
    private readonly Option<double?> stallMs = Checked(
        new Option<double?>("--stall-ms") { HelpName = "MS", Description = "hold every request MS milliseconds before the first byte" },
        v => v is not { } ms || (ms > 0 && double.IsFinite(ms)),
        "needs a positive number");
    private readonly Option<int?> cutAfter = Checked(
        new Option<int?>("--cut-after") { HelpName = "N", Description = "cut every stream after N events" },
        v => v is null or >= 1,
        "needs a whole number of 1 or more");
    private readonly Option<long> maxBodyBytes = Checked(
        new Option<long>("--max-body-bytes") { HelpName = "N", Description = "larger request bodies get 413 request_too_large", DefaultValueFactory = _ => StubOptions.DefaultMaxBodyBytes },
        v => v >= 1,
        "needs a whole number of 1 or more");
    private readonly Option<int?> slots = Checked(
        new Option<int?>("--slots") { HelpName = "K", Description = "finite capacity: K sequences at once, the rest wait in a FIFO queue (off by default)" },
        v => v is null or >= 1,
        "needs a whole number of 1 or more");
    private readonly Option<double> prefillMs = Checked(
        new Option<double>("--prefill-ms") { HelpName = "MS", Description = "with --slots: extra time to first token per prompt token, before scaling", DefaultValueFactory = _ => CapacityModel.OpenLoop.PrefillPerPromptToken.TotalMilliseconds },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of 0 or more");
    private readonly Option<double> decodeSlowdown = Checked(
        new Option<double>("--decode-slowdown") { HelpName = "F", Description = "with --slots: inter-token time x (1 + F x (active sequences - 1))", DefaultValueFactory = _ => CapacityModel.OpenLoop.DecodeSlowdown },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of 0 or more");
    private readonly Option<double> lengthJitter = Checked(
        new Option<double>("--length-jitter") { HelpName = "F", Description = "cut each answer to a fraction within [1-F, 1] of its tokens, 0 <= F < 1" },
        v => v is >= 0 and < 1,
        "needs a number from 0 up to (not including) 1");
    private readonly Option<double> ttftPerTokenMs = Checked(
        new Option<double>("--ttft-per-token-ms") { HelpName = "MS", Description = "added to the time to first token per prompt token" },
        v => v >= 0 && double.IsFinite(v),
        "needs a number of 0 or more");
    private readonly Option<string?> profileFile = RecordedProfileOption();
    private readonly Option<bool> replayErrors = new("--replay-errors") { Description = "with --profile: replay the recorded errors (429, 5xx, timeouts, cut streams) at their recorded rates" };
    private readonly Option<string> pipeline = OneOf("--pipeline", "how chat requests go through WireMock.Net", "fast", "wiremock");
    private readonly Option<string> protocol = OneOf("--protocol", "h2c serves HTTP/2 only, without TLS (clients must use HTTP/2 prior knowledge)", "http1", "h2c");

    public StubCommandLine()
    {
        Root = new RootCommand("ChatBench stub: an OpenAI-compatible chat-completions server with simulated latency.\nRun it with: dotnet run -c Release --project stubs/ChatBench.Stubs -- [options]");
        foreach (Option option in (Option[])[port, host, timeScale, seed, ttftMs, tokenMs, jitter, shortPromptChars, models, apiKey, maxConcurrency, retryAfterMs, errorRate, stallMs, cutAfter, maxBodyBytes, slots, prefillMs, decodeSlowdown, pipeline, protocol, lengthJitter, ttftPerTokenMs, profileFile, replayErrors])
        {
            Root.Options.Add(option);
        }

        Root.SetAction((result, cancellation) => StandaloneServer.RunAsync(ToOptions(result), cancellation));
    }

    public RootCommand Root { get; }

    /// <summary>Parses <paramref name="args"/> and serves, shows help, or refuses them in one line with exit code 2.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line a script can show as is; the first error is the one to fix first.
            var message = string.Join(' ', result.Errors[0].Message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await Console.Error.WriteLineAsync($"error: {message} See --help.");
            return BadUsageExitCode;
        }

        return await result.InvokeAsync();
    }

    public StubOptions ToOptions(ParseResult result)
    {
        var profile = LatencyProfile.Default with
        {
            TimeScale = result.GetValue(timeScale),
            Seed = result.GetValue(seed),
            TimeToFirstToken = TimeSpan.FromMilliseconds(result.GetValue(ttftMs)),
            InterTokenInterval = TimeSpan.FromMilliseconds(result.GetValue(tokenMs)),
            Jitter = result.GetValue(jitter),
            LengthJitter = result.GetValue(lengthJitter),
            TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(result.GetValue(ttftPerTokenMs)),
            Replay = result.GetValue(profileFile) is { } recorded ? new ProfileReplay(RecordedProfileFile.Read(recorded), result.GetValue(replayErrors)) : null,
        };
        if (result.GetValue(shortPromptChars) is var chars && chars != DefaultPromptRules.ShortPromptMaxLength)
        {
            profile = profile with { Rules = DefaultPromptRules.WithShortPromptMaxLength(chars) };
        }

        return new StubOptions
        {
            Port = result.GetValue(port),
            Host = result.GetValue(host)!,
            Profile = profile,
            Faults = new StubFaults
            {
                ApiKey = result.GetValue(apiKey),
                MaxConcurrency = result.GetValue(maxConcurrency),
                RetryAfter = result.GetValue(retryAfterMs) is { } retry ? TimeSpan.FromMilliseconds(retry) : null,
                ErrorRate = result.GetValue(errorRate),
                StallBeforeFirstByte = result.GetValue(stallMs) is { } stall ? TimeSpan.FromMilliseconds(stall) : null,
                CutStreamAfterEvents = result.GetValue(cutAfter),
            },
            Capacity = result.GetValue(slots) is { } k
                ? new CapacityModel { Slots = k, PrefillPerPromptToken = TimeSpan.FromMilliseconds(result.GetValue(prefillMs)), DecodeSlowdown = result.GetValue(decodeSlowdown) }
                : null,
            Models = SplitModels(result.GetValue(models)!),
            MaxBodyBytes = result.GetValue(maxBodyBytes),
            Pipeline = result.GetValue(pipeline) == "wiremock" ? StubPipeline.WireMockMapping : StubPipeline.FastPath,
            Http2Only = result.GetValue(protocol) == "h2c",
        };
    }

    private static string[] SplitModels(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
