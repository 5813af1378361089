using System.Globalization;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Hosting;

/// <summary>The standalone server's options: parsed into <see cref="StubOptions"/>, or a one-line reason they are wrong.</summary>
public static class StubCommandLine
{
    public const int DefaultPort = 5080;

    public const string Help = """
        ChatBench stub: an OpenAI-compatible chat-completions server with simulated latency.

        Usage: dotnet run -c Release --project stubs/ChatBench.Stubs -- [options]

          --port N               TCP port (default 5080; 0 picks a free one)
          --host ADDRESS         address to listen on (default 127.0.0.1; anything else exposes the stub beyond this machine)
          --time-scale X         multiply every latency by X (default 1; 0.1 runs ten times faster)
          --seed N               seed of the per-request jitter (default 1)
          --ttft-ms MS           time to first token before jitter and scaling (default 450)
          --token-ms MS          interval between output tokens before jitter and scaling (default 12)
          --jitter F             relative jitter, 0 <= F < 1 (default 0.1)
          --short-prompt-chars N prompts up to N characters get the short answer (default 80)
          --models A,B,...       models the stub answers for (default gpt-4o,gpt-4o-mini,gpt-4.1,gpt-4.1-mini,gpt-3.5-turbo)
          --api-key KEY          require "Authorization: Bearer KEY" (401 otherwise)
          --max-concurrency K    answer 429 with Retry-After above K requests in flight
          --retry-after-ms MS    the wait a 429 asks for (default 1000 times the time scale)
          --error-rate P         answer 500 to a fraction P of requests
          --stall-ms MS          hold every request MS milliseconds before the first byte
          --cut-after N          cut every stream after N events
          --pipeline NAME        fast (default) or wiremock: how chat requests go through WireMock.Net
          --protocol NAME        http1 (default) or h2c: HTTP/2 only, without TLS (clients must use HTTP/2 prior knowledge)
          --help                 show this help
        """;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says which option is wrong and why.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out StubOptions options, out string error)
    {
        var port = DefaultPort;
        var host = "127.0.0.1";
        var profile = LatencyProfile.Default;
        var faults = StubFaults.None;
        var shortPromptChars = DefaultPromptRules.ShortPromptMaxLength;
        IReadOnlyList<string>? models = null;
        var pipeline = StubPipeline.FastPath;
        var http2Only = false;
        options = null!;
        error = string.Empty;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                error = "help";
                return false;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{name}': options start with --; see --help.";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"option {name} needs a value; see --help.";
                return false;
            }

            var value = args[++i];
            string? problem = name switch
            {
                "--port" => Int(value, 0, 65535, v => port = v),
                "--host" => string.IsNullOrWhiteSpace(value) ? "needs an address" : Set(() => host = value),
                "--time-scale" => Positive(value, v => profile = profile with { TimeScale = v }),
                "--seed" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                    ? Set(() => profile = profile with { Seed = seed })
                    : "needs a whole number of 0 or more",
                "--ttft-ms" => Positive(value, v => profile = profile with { TimeToFirstToken = TimeSpan.FromMilliseconds(v) }),
                "--token-ms" => Positive(value, v => profile = profile with { InterTokenInterval = TimeSpan.FromMilliseconds(v) }),
                "--jitter" => Fraction(value, upperInclusive: false, v => profile = profile with { Jitter = v }),
                "--short-prompt-chars" => Int(value, 0, int.MaxValue, v => shortPromptChars = v),
                "--models" => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } list
                    ? Set(() => models = list)
                    : "needs at least one model name",
                "--api-key" => value.Length == 0 ? "needs a non-empty key" : Set(() => faults = faults with { ApiKey = value }),
                "--max-concurrency" => Int(value, 1, int.MaxValue, v => faults = faults with { MaxConcurrency = v }),
                "--retry-after-ms" => NonNegative(value, v => faults = faults with { RetryAfter = TimeSpan.FromMilliseconds(v) }),
                "--error-rate" => Fraction(value, upperInclusive: true, v => faults = faults with { ErrorRate = v }),
                "--stall-ms" => Positive(value, v => faults = faults with { StallBeforeFirstByte = TimeSpan.FromMilliseconds(v) }),
                "--cut-after" => Int(value, 1, int.MaxValue, v => faults = faults with { CutStreamAfterEvents = v }),
                "--pipeline" => value switch
                {
                    "fast" => Set(() => pipeline = StubPipeline.FastPath),
                    "wiremock" => Set(() => pipeline = StubPipeline.WireMockMapping),
                    _ => "must be 'fast' or 'wiremock'",
                },
                "--protocol" => value switch
                {
                    "http1" => Set(() => http2Only = false),
                    "h2c" => Set(() => http2Only = true),
                    _ => "must be 'http1' or 'h2c'",
                },
                _ => "is not an option",
            };

            if (problem is not null)
            {
                error = problem == "is not an option"
                    ? $"unknown option {name}; see --help for the options."
                    : $"option {name} {problem}, got '{value}'.";
                return false;
            }
        }

        if (shortPromptChars != DefaultPromptRules.ShortPromptMaxLength)
        {
            profile = profile with { Rules = DefaultPromptRules.WithShortPromptMaxLength(shortPromptChars) };
        }

        options = new StubOptions { Port = port, Host = host, Profile = profile, Faults = faults, Pipeline = pipeline, Http2Only = http2Only };
        if (models is not null)
        {
            options = options with { Models = models };
        }

        return true;
    }

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }

    private static string? Int(string value, int min, int max, Action<int> apply) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? Set(() => apply(v))
            : max == int.MaxValue ? $"needs a whole number of {min} or more" : $"needs a whole number from {min} to {max}";

    private static string? Positive(string value, Action<double> apply) =>
        TryNumber(value, out var v) && v > 0 ? Set(() => apply(v)) : "needs a positive number";

    private static string? NonNegative(string value, Action<double> apply) =>
        TryNumber(value, out var v) && v >= 0 ? Set(() => apply(v)) : "needs a number of 0 or more";

    private static string? Fraction(string value, bool upperInclusive, Action<double> apply) =>
        TryNumber(value, out var v) && v >= 0 && (upperInclusive ? v <= 1 : v < 1)
            ? Set(() => apply(v))
            : upperInclusive ? "needs a number from 0 to 1" : "needs a number from 0 up to (not including) 1";

    private static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
