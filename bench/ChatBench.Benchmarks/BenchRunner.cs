using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Reports.Comparison;

namespace ChatBench.Benchmarks;

/// <summary>The program: ChatBench's options parsed, then the command they ask for.</summary>
public static class BenchRunner
{
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!BenchCommandLine.TryParse(args, out var options, out var error))
        {
            if (error == "help")
            {
                output.WriteLine(BenchCommandLine.Help);
                return ExitCodes.Ok;
            }

            errors.WriteLine($"error: {error}");
            return ExitCodes.BadArguments;
        }

        var root = RepositoryRoot.Find();
        var results = ResultsDirectory.Resolve(options, root);
        if (options.CompareBaseline is { } baseline)
        {
            var settings = new ComparisonSettings(options.Threshold, options.NoiseMs);
            return CompareCommand.Execute(baseline, results, settings, options.FailOnRegression, output, errors);
        }

        return options.ReportOnly
            ? SummaryCommand.Execute(results, output, errors)
            : RunCommand.Execute(options, root, results, output, errors);
    }
}
