using System.CommandLine;
using System.Globalization;
using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// The stub program's arguments for a <see cref="StubLaunch"/>, written with the option names its parser declares. Every
/// value is written, defaults too, so what the program serves never depends on the two sides agreeing on a default.
/// </summary>
internal static class StubArguments
{
    private static readonly StubCommandLineOptions Declared = new();

    /// <exception cref="ArgumentException">The launch holds something the program's options cannot say.</exception>
    public static IReadOnlyList<string> For(StubLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var options = launch.Options;
        var profile = options.Profile;
        var faults = options.Faults;
        Refuse(profile.Replay is not null, "a replayed profile goes to the stub program as a file: set the launch's RecordedProfile instead");
        Refuse(options.MaxRequestLogCount != new StubOptions().MaxRequestLogCount, "the stub program has no option for the request-log size");
        Refuse(options.Models.Any(m => m.Length == 0 || m.Contains(',', StringComparison.Ordinal)), "model names for the stub program must be non-empty and without commas");
        var shortPromptChars = DefaultPromptRules.ShortPromptMaxLengthOf(profile.Rules);
        Refuse(shortPromptChars is null, "the stub program's prompt rules are the default ones, with only their short-prompt length as an option");

        var arguments = new List<string>();
        void Add(Option option, string value)
        {
            arguments.Add(option.Name);
            arguments.Add(value);
        }

        Add(Declared.Port, Whole(options.Port));
        Add(Declared.Host, options.Host);
        Add(Declared.TimeScale, Number(profile.TimeScale));
        Add(Declared.Seed, profile.Seed.ToString(CultureInfo.InvariantCulture));
        Add(Declared.TtftMs, Milliseconds(profile.TimeToFirstToken));
        Add(Declared.TokenMs, Milliseconds(profile.InterTokenInterval));
        Add(Declared.Jitter, Number(profile.Jitter));
        Add(Declared.ShortPromptChars, Whole(shortPromptChars!.Value));
        Add(Declared.LengthJitter, Number(profile.LengthJitter));
        Add(Declared.TtftPerTokenMs, Milliseconds(profile.TimeToFirstTokenPerPromptToken));
        Add(Declared.Models, string.Join(',', options.Models));
        Add(Declared.MaxBodyBytes, options.MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
        Add(Declared.ContextWindow, Whole(options.ContextWindow));
        Add(Declared.CacheTokens, Whole(options.PrefixCache.CapacityTokens));
        if (!options.PrefixCache.Enabled)
        {
            arguments.Add(Declared.NoCache.Name);
        }

        if (options.PrefixCache.TimeToLive is { } ttl)
        {
            Add(Declared.CacheTtlMs, Milliseconds(ttl));
        }

        if (!options.Metrics)
        {
            arguments.Add(Declared.NoMetrics.Name);
        }

        Add(Declared.Pipeline, options.Pipeline == StubPipeline.WireMockMapping ? StubCommandLineOptions.WireMockPipeline : StubCommandLineOptions.FastPipeline);
        Add(Declared.Protocol, options.Http2Only ? StubCommandLineOptions.H2cProtocol : StubCommandLineOptions.Http1Protocol);
        Add(Declared.ErrorRate, Number(faults.ErrorRate));
        if (faults.ApiKey is { } key)
        {
            Add(Declared.ApiKey, key);
        }

        if (faults.MaxConcurrency is { } maxConcurrency)
        {
            Add(Declared.MaxConcurrency, Whole(maxConcurrency));
        }

        if (faults.RetryAfter is { } retryAfter)
        {
            Add(Declared.RetryAfterMs, Milliseconds(retryAfter));
        }

        if (faults.StallBeforeFirstByte is { } stall)
        {
            Add(Declared.StallMs, Milliseconds(stall));
        }

        if (faults.CutStreamAfterEvents is { } cutAfter)
        {
            Add(Declared.CutAfter, Whole(cutAfter));
        }

        if (options.Capacity is { } capacity)
        {
            Add(Declared.Slots, Whole(capacity.Slots));
            Add(Declared.PrefillMs, Milliseconds(capacity.PrefillPerPromptToken));
            Add(Declared.DecodeSlowdown, Number(capacity.DecodeSlowdown));
        }

        if (launch.RecordedProfile is { } recorded)
        {
            Add(Declared.ProfileFile, recorded);
        }

        if (launch.ReplayErrors)
        {
            arguments.Add(Declared.ReplayErrors.Name);
        }

        Add(Declared.ShutdownGraceMs, Milliseconds(launch.ShutdownGrace));
        if (launch.ParentProcessId is { } parent)
        {
            Add(Declared.ParentPid, Whole(parent));
        }

        return arguments;
    }

    private static void Refuse(bool cannotSay, string why)
    {
        if (cannotSay)
        {
            throw new ArgumentException($"This stub cannot be started as a program: {why}.");
        }
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Milliseconds(TimeSpan time) => Number(time.TotalMilliseconds);
}
