using System.CommandLine;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// The standalone server's command line, on System.CommandLine: <c>--help</c> is generated from the options (declared
/// in <see cref="StubCommandLineOptions"/>), and a wrong option is one line on standard error and exit code 2.
/// </summary>
internal sealed class StubCommandLine
{
    public const int DefaultPort = 5080;

    public const int BadUsageExitCode = 2;

    private readonly StubCommandLineOptions options = new();

    public StubCommandLine()
    {
        Root = new RootCommand("ChatBench stub: an OpenAI-compatible chat-completions server with simulated latency.\nRun it with: dotnet run -c Release --project stubs/ChatBench.Stubs.Server -- [options]");
        foreach (var option in options.All)
        {
            Root.Options.Add(option);
        }

        Root.SetAction((result, cancellation) => StandaloneServer.RunAsync(ToLaunch(result), cancellation));
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

        // The server takes SIGTERM and Ctrl+C itself, to drain answers in flight for its grace period.
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    /// <summary>The options the program serves with, the recorded profile read.</summary>
    public StubOptions ToOptions(ParseResult result) => ToLaunch(result).Load();

    /// <summary>What the arguments describe, the recorded profile still a file name: the inverse of <see cref="StubArguments.For"/>.</summary>
    public StubLaunch ToLaunch(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var profile = LatencyProfile.Default with
        {
            TimeScale = result.GetValue(options.TimeScale),
            Seed = result.GetValue(options.Seed),
            TimeToFirstToken = TimeSpan.FromMilliseconds(result.GetValue(options.TtftMs)),
            InterTokenInterval = TimeSpan.FromMilliseconds(result.GetValue(options.TokenMs)),
            Jitter = result.GetValue(options.Jitter),
            LengthJitter = result.GetValue(options.LengthJitter),
            TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(result.GetValue(options.TtftPerTokenMs)),
        };
        if (result.GetValue(options.ShortPromptChars) is var chars && chars != DefaultPromptRules.ShortPromptMaxLength)
        {
            profile = profile with { Rules = DefaultPromptRules.WithShortPromptMaxLength(chars) };
        }

        var stub = new StubOptions
        {
            Port = result.GetValue(options.Port),
            Host = result.GetValue(options.Host)!,
            Profile = profile,
            Faults = new StubFaults
            {
                ApiKey = result.GetValue(options.ApiKey),
                MaxConcurrency = result.GetValue(options.MaxConcurrency),
                RetryAfter = result.GetValue(options.RetryAfterMs) is { } retry ? TimeSpan.FromMilliseconds(retry) : null,
                ErrorRate = result.GetValue(options.ErrorRate),
                StallBeforeFirstByte = result.GetValue(options.StallMs) is { } stall ? TimeSpan.FromMilliseconds(stall) : null,
                CutStreamAfterEvents = result.GetValue(options.CutAfter),
            },
            Capacity = result.GetValue(options.Slots) is { } k
                ? new CapacityModel { Slots = k, PrefillPerPromptToken = TimeSpan.FromMilliseconds(result.GetValue(options.PrefillMs)), DecodeSlowdown = result.GetValue(options.DecodeSlowdown) }
                : null,
            Models = StubCommandLineOptions.SplitModels(result.GetValue(options.Models)),
            MaxBodyBytes = result.GetValue(options.MaxBodyBytes),
            ContextWindow = result.GetValue(options.ContextWindow),
            PrefixCache = new PrefixCacheOptions
            {
                Enabled = !result.GetValue(options.NoCache),
                CapacityTokens = result.GetValue(options.CacheTokens),
                TimeToLive = result.GetValue(options.CacheTtlMs) is { } ttl ? TimeSpan.FromMilliseconds(ttl) : null,
            },
            Metrics = !result.GetValue(options.NoMetrics),
            Pipeline = result.GetValue(options.Pipeline) == StubCommandLineOptions.WireMockPipeline ? StubPipeline.WireMockMapping : StubPipeline.FastPath,
            Http2Only = result.GetValue(options.Protocol) == StubCommandLineOptions.H2cProtocol,
        };
        return new StubLaunch(stub, result.GetValue(options.ProfileFile), result.GetValue(options.ReplayErrors))
        {
            ShutdownGrace = TimeSpan.FromMilliseconds(result.GetValue(options.ShutdownGraceMs)),
            ParentProcessId = result.GetValue(options.ParentPid),
        };
    }
}
