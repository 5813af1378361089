using System.CommandLine;
using System.CommandLine.Help;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// ChatBench's command line on System.CommandLine: the options of <see cref="BenchOptionList"/>, and everything else
/// passed through untouched to BenchmarkDotNet, whose own parser checks it later. A wrong ChatBench option gives one line.
/// </summary>
public static class BenchCommandLine
{
    private const string Usage = """
        ChatBench: sequential versus concurrent chat-completion requests, measured with BenchmarkDotNet.

        Usage: dotnet run -c Release --project bench/ChatBench.Benchmarks -- [options] [BenchmarkDotNet options]

        With no options, runs the default suite against the embedded stub and writes reports to results/.
        BenchmarkDotNet options pass through, for example --filter '*Seed*', --list flat, --allCategories heavy.
        """;

    private static readonly Lazy<string> HelpText = new(() =>
    {
        using var output = new StringWriter();
        Command().Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString().TrimEnd();
    });

    /// <summary>The help System.CommandLine writes from the options' declarations.</summary>
    public static string Help => HelpText.Value;

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> is "help" when help was asked for, else the one-line reason.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out BenchOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new BenchOptions();
        var result = Command().Parse(args.ToArray());
        // Every spelling System.CommandLine takes for help (--help, -h, -?, /h, /?), which it consumes.
        if (result.Action is HelpAction)
        {
            error = "help";
            return false;
        }

        if (result.Errors.Count > 0)
        {
            error = string.Join(' ', result.Errors[0].Message.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return false;
        }

        foreach (var option in BenchOptionList.All)
        {
            options = option.ApplyTo(options, result);
        }

        var given = Given(result);
        options = WithContextDefaults(options with { BenchmarkDotNetArguments = result.UnmatchedTokens }, given);
        error = ComparisonConflict(options, given) ?? string.Empty;
        return error.Length == 0;
    }

    private static RootCommand Command()
    {
        // Unknown words are BenchmarkDotNet's: kept, in order, as its arguments.
        var root = new RootCommand(Usage) { TreatUnmatchedTokensAsErrors = false };

        // ChatBench has no version of its own to show; --version would only shadow nothing.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        foreach (var option in BenchOptionList.All)
        {
            root.Options.Add(option.Option);
        }

        return root;
    }

    private static HashSet<string> Given(ParseResult result) =>
        BenchOptionList.All.Where(o => o.IsGiven(result)).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Why the comparison options do not go together with the rest, or null when they do.</summary>
    private static string? ComparisonConflict(BenchOptions options, HashSet<string> given)
    {
        if (options.CompareBaseline is null)
        {
            var stray = BenchOptionList.ComparisonOnly.FirstOrDefault(given.Contains);
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

    /// <summary>
    /// Defaults that depend on other options: a live run's cases tolerate <see cref="BenchOptions.DefaultLiveMaxErrorRate"/>
    /// (its sweeps keep their own stop), and a replayed profile plays at its recorded speed; an option given always wins.
    /// </summary>
    private static BenchOptions WithContextDefaults(BenchOptions options, HashSet<string> given)
    {
        if (options.Target == TargetKind.Live && !given.Contains("--max-error-rate"))
        {
            options = options with { MaxErrorRate = BenchOptions.DefaultLiveMaxErrorRate };
        }

        return options.Profile is not null && !given.Contains("--time-scale") ? options with { TimeScale = 1 } : options;
    }
}
