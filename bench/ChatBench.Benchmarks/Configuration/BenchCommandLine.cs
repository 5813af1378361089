using System.Globalization;

namespace ChatBench.Benchmarks.Configuration;

/// <summary>
/// Splits the command line into ChatBench's options and BenchmarkDotNet's, which pass through untouched.
/// A wrong ChatBench option gives a one-line reason; BenchmarkDotNet's are checked by its own parser later.
/// </summary>
public static class BenchCommandLine
{
    public const string Help = """
        ChatBench: sequential versus concurrent chat-completion requests, measured with BenchmarkDotNet.

        Usage: dotnet run -c Release --project bench/ChatBench.Benchmarks -- [options] [BenchmarkDotNet options]

        With no options, runs the default suite against the embedded stub and writes reports to results/.

          --target stub|live   stub (default): the embedded ChatBench stub; live: an OpenAI-compatible API
          --time-scale X       stub latencies times X (default 0.1: ten times faster than a real gpt-4o)
          --seed N             the stub's jitter seed (default 1)
          --base-url URL       live endpoint (default https://api.aimlapi.com/v1); the key comes from AIMLAPI_API_KEY
          --model NAME         model to ask (default gpt-4o)
          --max-requests N     a live run that would send more requests refuses to start (default 200)
          --quick              one warm-up and three measured iterations per benchmark
          --results DIR        where reports go (default: the repository's results/)
          --arrival KIND       open loop: constant, poisson (default) or gamma:B (burstiness B; 1 is Poisson, below 1 burstier)
          --rates R1,R2,...    open loop: offered rates in requests per second (default: a sweep from a synchronous to a saturating run)
          --slo LIMITS         open loop: limits a request must all meet, e.g. ttft=2s,itl=200ms,e2e=20s (the default; scaled on the stub)
          --workload FILE      send this JSON Lines workload in the batch, bounded and streaming benchmarks
          --profile FILE       the embedded stub replays this recorded latency profile (time scale 1 unless given)
          --replay-errors      with --profile: replay the recorded errors at their recorded rates
          --max-error-rate P   a case with at most this share of failed requests reports them per kind instead of
                               failing (default 0 on the stub, 0.02 live); an open-loop sweep stops going higher once a
                               rate's error share passes P (default 0.05 there)
          --report-only        regenerate SUMMARY.md and the charts from the reports already in the results folder
          --compare DIR        compare the results in DIR (baseline) with the results folder (candidate); runs no
                               benchmark, writes COMPARISON.md, .json, .csv and a chart into the results folder
          --threshold P        with --compare: a change below P percent is Same (default 5%)
          --noise MS           with --compare: a change below MS milliseconds is Same (default 1ms)
          --fail-on-regression with --compare: exit 5 when any case is Slower
          --help               this help

        BenchmarkDotNet options pass through, for example --filter '*Seed*', --list flat, --allCategories batch.
        """;

    private static readonly HashSet<string> ValueOptions =
        ["--target", "--time-scale", "--seed", "--base-url", "--model", "--max-requests", "--results", "--compare", "--threshold", "--noise",
         "--arrival", "--rates", "--slo", "--max-error-rate", "--workload", "--profile"];

    public static bool TryParse(IReadOnlyList<string> args, out BenchOptions options, out string error)
    {
        options = new BenchOptions();
        error = string.Empty;
        var passThrough = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                error = "help";
                return false;
            }

            if (name == "--quick")
            {
                options = options with { Quick = true };
                continue;
            }

            if (name == "--replay-errors")
            {
                options = options with { ReplayErrors = true };
                continue;
            }

            if (name is "--report-only" or "--fail-on-regression")
            {
                options = name == "--report-only" ? options with { ReportOnly = true } : options with { FailOnRegression = true };
                continue;
            }

            if (!ValueOptions.Contains(name))
            {
                passThrough.Add(name);
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"option {name} needs a value; see --help.";
                return false;
            }

            var value = args[++i];
            var parsed = Apply(options, name, value);
            if (parsed is null)
            {
                error = $"option {name} {Expectation(name)}, got '{value}'.";
                return false;
            }

            options = parsed;
        }

        options = options with { BenchmarkDotNetArguments = passThrough };
        options = WithContextDefaults(options, args);
        error = ComparisonConflict(options, args) ?? string.Empty;
        return error.Length == 0;
    }

    /// <summary>Why the comparison options do not go together with the rest, or null when they do.</summary>
    private static string? ComparisonConflict(BenchOptions options, IReadOnlyList<string> args)
    {
        if (options.CompareBaseline is null)
        {
            var stray = args.FirstOrDefault(a => a is "--threshold" or "--noise" or "--fail-on-regression");
            return stray is null ? null : $"option {stray} only applies with --compare DIR; see --help.";
        }

        if (options.ReportOnly)
        {
            return "--compare and --report-only are two different commands: give one of them.";
        }

        // A comparison runs nothing, so a filter would silently mean nothing: say so instead.
        return options.BenchmarkDotNetArguments.Count > 0
            ? $"--compare runs no benchmark, so '{options.BenchmarkDotNetArguments[0]}' does not apply; see --help."
            : null;
    }

    private static BenchOptions? Apply(BenchOptions options, string name, string value) => name switch
    {
        "--target" => value switch
        {
            "stub" => options with { Target = TargetKind.Stub },
            "live" => options with { Target = TargetKind.Live },
            _ => null,
        },
        "--time-scale" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 && double.IsFinite(scale)
            ? options with { TimeScale = scale }
            : null,
        "--seed" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? options with { Seed = seed } : null,
        "--base-url" => Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? options with { BaseUrl = url }
            : null,
        "--model" => string.IsNullOrWhiteSpace(value) ? null : options with { Model = value.Trim() },
        "--max-requests" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? options with { MaxRequests = max }
            : null,
        "--results" => string.IsNullOrWhiteSpace(value) ? null : options with { ResultsDirectory = value },
        "--workload" => string.IsNullOrWhiteSpace(value) ? null : options with { Workload = value },
        "--profile" => string.IsNullOrWhiteSpace(value) ? null : options with { Profile = value },
        "--compare" => string.IsNullOrWhiteSpace(value) ? null : options with { CompareBaseline = value },
        "--threshold" => double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent > 0 && percent < 100
            ? options with { Threshold = percent / 100 }
            : null,
        "--noise" => double.TryParse(value.EndsWith("ms", StringComparison.Ordinal) ? value[..^2] : value, NumberStyles.Float, CultureInfo.InvariantCulture, out var noise) && noise >= 0 && double.IsFinite(noise)
            ? options with { NoiseMs = noise }
            : null,
        "--arrival" => ArrivalProcess.TryParse(value, out var arrival) ? options with { OpenLoop = options.OpenLoop with { Arrival = arrival } } : null,
        "--rates" => OpenLoopOptions.ParseRates(value) is { } rates ? options with { OpenLoop = options.OpenLoop with { Rates = rates } } : null,
        "--slo" => SloLimits.TryParse(value, out var slo) ? options with { OpenLoop = options.OpenLoop with { Slo = slo } } : null,
        "--max-error-rate" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var errorRate) && errorRate is >= 0 and <= 1
            ? options with { MaxErrorRate = errorRate, OpenLoop = options.OpenLoop with { MaxErrorRate = errorRate } }
            : null,
        _ => null,
    };

    /// <summary>
    /// Defaults that depend on other options: a live run tolerates <see cref="BenchOptions.DefaultLiveMaxErrorRate"/>,
    /// and a replayed profile plays at its recorded speed; an option given explicitly always wins.
    /// </summary>
    private static BenchOptions WithContextDefaults(BenchOptions options, IReadOnlyList<string> args)
    {
        if (options.Target == TargetKind.Live && !args.Contains("--max-error-rate"))
        {
            options = options with { MaxErrorRate = BenchOptions.DefaultLiveMaxErrorRate };
        }

        return options.Profile is not null && !args.Contains("--time-scale") ? options with { TimeScale = 1 } : options;
    }

    private static string Expectation(string name) => name switch
    {
        "--target" => "must be 'stub' or 'live'",
        "--time-scale" => "needs a positive number",
        "--seed" => "needs a whole number of 0 or more",
        "--base-url" => "needs an absolute http or https URL such as https://api.aimlapi.com/v1",
        "--model" => "needs a model name",
        "--max-requests" => "needs a whole number of 1 or more",
        "--threshold" => "needs a percentage above 0 and below 100, such as 5%",
        "--noise" => "needs milliseconds of 0 or more, such as 1ms",
        "--arrival" => "must be 'constant', 'poisson' or 'gamma:B' with a positive burstiness B",
        "--rates" => "needs positive requests-per-second numbers separated by commas, such as 5,10,20",
        "--slo" => "needs limits such as ttft=2s,itl=200ms,e2e=20s (each of ttft, itl, e2e at most once, in ms or s)",
        "--workload" => "needs a workload file",
        "--profile" => "needs a latency profile file",
        "--max-error-rate" => "needs a number from 0 to 1",
        _ => "needs a directory",
    };
}
