using System.Globalization;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// Every ChatBench option, each written once: name, value, help, rule and what it sets. To add one, add its property to
/// <see cref="BenchOptions"/> (with its default) and its line here; if a benchmark process needs it, it is in
/// <see cref="RunSettings"/>, which reaches every benchmark process whole.
/// </summary>
public static class BenchOptionList
{
    public static IReadOnlyList<BenchOption> All { get; } =
    [
        BenchOption.Value("--target", "stub|live", "stub (default): the embedded ChatBench stub; live: an OpenAI-compatible API", "must be 'stub' or 'live'", (o, v) => v switch
        {
            "stub" => o with { Target = TargetKind.Stub },
            "live" => o with { Target = TargetKind.Live },
            _ => null,
        }),
        BenchOption.Value("--time-scale", "X", $"stub latencies times X (default {BenchOptions.DefaultTimeScale}; 1 is a real gpt-4o's speed)", "needs a positive number", (o, v) =>
            Number(v) is { } scale && scale > 0 ? o with { TimeScale = scale } : null),
        BenchOption.Value("--seed", "N", $"the stub's jitter seed (default {BenchOptions.DefaultSeed})", "needs a whole number of 0 or more", (o, v) =>
            ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? o with { Seed = seed } : null),
        BenchOption.Value("--base-url", "URL", $"live endpoint, with or without /v1 (default {BenchOptions.DefaultLiveBaseUrl}); the key comes from {BenchOptions.ApiKeyVariable}", "needs an absolute http or https URL such as https://api.aimlapi.com/v1 or https://api.aimlapi.com", (o, v) =>
            Uri.TryCreate(v, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? o with { BaseUrl = url } : null),
        BenchOption.Value("--model", "NAME", $"model to ask (default {BenchOptions.DefaultModel})", "needs a model name", (o, v) =>
            string.IsNullOrWhiteSpace(v) ? null : o with { Model = v.Trim() }),
        BenchOption.Value("--max-requests", "N", $"a live run that would send more requests refuses to start (default {BenchOptions.DefaultMaxRequests})", "needs a whole number of 1 or more", (o, v) =>
            int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? o with { MaxRequests = max } : null),
        BenchOption.Flag("--quick", "one warm-up and three measured iterations per benchmark", o => o with { Quick = true }),
        BenchOption.Value("--results", "DIR", "where reports go (default: the repository's results/)", "needs a directory", (o, v) =>
            string.IsNullOrWhiteSpace(v) ? null : o with { ResultsDirectory = v }),
        BenchOption.Value("--arrival", "KIND", $"open loop: constant, poisson or gamma:B (burstiness B; 1 is Poisson, below 1 burstier; default {OpenLoopOptions.Default.Arrival})", "must be 'constant', 'poisson' or 'gamma:B' with a positive burstiness B", (o, v) =>
            ArrivalProcess.TryParse(v, out var arrival) ? o with { OpenLoop = o.OpenLoop with { Arrival = arrival } } : null),
        BenchOption.Value("--rates", "R1,R2,...", "open loop: offered rates in requests per second (default: a sweep from a synchronous to a saturating run)", "needs positive requests-per-second numbers separated by commas, such as 5,10,20", (o, v) =>
            OpenLoopOptions.ParseRates(v) is { } rates ? o with { OpenLoop = o.OpenLoop with { Rates = rates } } : null),
        BenchOption.Value("--slo", "LIMITS", $"open loop: limits a request must all meet, in a real model's time, scaled on the stub (default {SloLimits.Default})", "needs limits such as ttft=2s,itl=200ms,e2e=20s (each of ttft, itl, e2e at most once, in ms or s)", (o, v) =>
            SloLimits.TryParse(v, out var slo) ? o with { OpenLoop = o.OpenLoop with { Slo = slo } } : null),
        BenchOption.Value("--workload", "FILE", "send this JSON Lines workload in the batch, bounded and streaming benchmarks", "needs a workload file", (o, v) =>
            string.IsNullOrWhiteSpace(v) ? null : o with { Workload = v }),
        BenchOption.Value("--sessions", "PARTS", $"conversations without a session file, any part left out at its default: {SyntheticSessions.Default}; prompt and answer (max_tokens) in o200k tokens as MEAN~SPREAD (uniform), prefix the tokens of a system prompt all sessions share, think the pause before each later turn (ms or s, MEAN~SPREAD); drawn from --seed; not with a workload file that holds sessions", v => SyntheticSessions.TryParse(v, out _, out var error) ? string.Empty : error, (o, v) =>
            SyntheticSessions.TryParse(v, out var sessions, out _) ? o with { Sessions = sessions } : null),
        BenchOption.Value("--context-window", "N", "conversations: drop a session's oldest turns so each prompt plus its max_tokens fits N tokens (o200k); without it the whole history is sent, and an endpoint whose window it outgrows answers 400 context_length_exceeded, which ends the session", "needs a whole number of tokens, 1 or more", (o, v) =>
            int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var window) && window > 0 ? o with { ContextWindow = window } : null),
        BenchOption.Value("--profile", "FILE", "the embedded stub replays this recorded latency profile (time scale 1 unless given)", "needs a latency profile file", (o, v) =>
            string.IsNullOrWhiteSpace(v) ? null : o with { Profile = v }),
        BenchOption.Flag("--replay-errors", "with --profile: replay the recorded errors at their recorded rates", o => o with { ReplayErrors = true }),
        BenchOption.Value("--max-error-rate", "P", $"a case with at most this share of failed requests reports them per kind instead of failing (default 0 on the stub, {BenchOptions.DefaultLiveMaxErrorRate} live); an open-loop sweep stops going higher once a rate's error share passes P (default {OpenLoopOptions.DefaultMaxErrorRate} there)", "needs a number from 0 to 1", (o, v) =>
            Number(v) is { } rate && rate <= 1 && rate >= 0 ? o with { MaxErrorRate = rate, OpenLoop = o.OpenLoop with { MaxErrorRate = rate } } : null),
        BenchOption.Flag("--report-only", "regenerate SUMMARY.md and the charts from the reports already in the results folder", o => o with { ReportOnly = true }),
        BenchOption.Value("--compare", "DIR", "compare the results in DIR (baseline) with the results folder (candidate); runs no benchmark, writes COMPARISON.md, .json, .csv and a chart into the results folder", "needs a directory", (o, v) =>
            string.IsNullOrWhiteSpace(v) ? null : o with { CompareBaseline = v }),
        BenchOption.Value("--threshold", "P", $"with --compare: a change below P percent is Same (default {BenchOptions.DefaultThreshold * 100}%)", "needs a percentage above 0 and below 100, such as 5%", (o, v) =>
            Number(v.TrimEnd('%')) is { } percent && percent > 0 && percent < 100 ? o with { Threshold = percent / 100 } : null),
        BenchOption.Value("--noise", "MS", $"with --compare: a change below MS milliseconds is Same (default {BenchOptions.DefaultNoiseMs}ms)", "needs milliseconds of 0 or more, such as 1ms", (o, v) =>
            Number(v.EndsWith("ms", StringComparison.Ordinal) ? v[..^2] : v) is { } noise && noise >= 0 ? o with { NoiseMs = noise } : null),
        BenchOption.Flag("--fail-on-regression", "with --compare: exit 5 when any case is Slower", o => o with { FailOnRegression = true }),
    ];

    /// <summary>The options that only mean something with <c>--compare</c>.</summary>
    public static IReadOnlyList<string> ComparisonOnly { get; } = ["--threshold", "--noise", "--fail-on-regression"];

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
