using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments.ListBenchmarks;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.BenchmarkDotNetOutput;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Progress;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;

namespace ChatBench.Benchmarks;

/// <summary>
/// A benchmark run: BenchmarkDotNet's arguments checked, the results folder checked, the target opened, the plan
/// printed (and held to the live budget), the benchmarks run, and the reports published from their JSON results.
/// </summary>
public static class RunCommand
{
    public static int Execute(BenchOptions options, string root, string results, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (RunInputs.Check(options, errors) is not { } checkedOptions)
        {
            return ExitCodes.BadArguments;
        }

        options = checkedOptions;
        var artifacts = Path.Combine(root, "BenchmarkDotNet.Artifacts");
        var records = new RecordStore(Path.Combine(artifacts, "records", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)));
        // BenchmarkDotNet builds the cases in this process too (a sweep's steps come from the run's settings).
        using var planningSettings = RunSettings.From(options, options.BaseUrl, records.Directory).UseInHost();
        var parserLog = new AccumulationLogger();
        var planning = BenchConfig.Create(options, artifacts, records, includeHeavy: true);
        var (parsed, _, parsedOptions) = ConfigParser.Parse([.. options.BenchmarkDotNetArguments], parserLog, planning);
        if (!parsed)
        {
            errors.WriteLine($"error: {FirstError(parserLog.GetLog()).TrimEnd('.')}; see --help.");
            return ExitCodes.BadArguments;
        }

        // BenchmarkSwitcher asks on standard input when no filter is given; the default suite is everything.
        string[] arguments = parsedOptions.Filters.Any() ? [.. options.BenchmarkDotNetArguments] : [.. options.BenchmarkDotNetArguments, "--filter", "*"];
        var heavy = parsedOptions.AllCategories.Concat(parsedOptions.AnyCategories).Contains(BenchmarkCategories.Heavy);
        if (parsedOptions.ListBenchmarkCaseMode != ListBenchmarkCaseMode.Disabled || parsedOptions.PrintInformation)
        {
            BenchmarkSwitcher.FromAssembly(typeof(RunCommand).Assembly).Run(arguments, BenchConfig.Create(options, artifacts, records, heavy));
            return ExitCodes.Ok;
        }

        if (ResultsDirectory.CheckWritable(results) is { } unwritable)
        {
            errors.WriteLine($"error: {unwritable}");
            return ExitCodes.BadArguments;
        }

        using var session = TargetSession.Open(options, records.Directory, output, errors, out var exitCode);
        if (session is null)
        {
            return exitCode;
        }

        using var runSettings = session.Settings.UseInHost();
        if (session.Settings.Target == TargetKind.Stub)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warming up the embedded stub ({WarmUp.EmbeddedStubRounds * WarmUp.EmbeddedStubBatch} unmeasured requests)..."));
            try
            {
                WarmUp.EmbeddedStubAsync(BenchTarget.From(session.Settings), session.Settings.ReplayErrors).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e)
            {
                errors.WriteLine($"error: the embedded stub failed its warm-up ({OneLine(e.Message)}); nothing was measured.");
                return ExitCodes.TargetUnavailable;
            }
        }

        var run = BenchConfig.Describe(options, parsedOptions, root);
        // A live run prints its progress beside BenchmarkDotNet's, between its lines.
        var console = options.Target == TargetKind.Live ? new LineSafeConsoleLogger(ConsoleLogger.Default) : null;
        var config = BenchConfig.Create(options, artifacts, records, heavy, session.Settings, run, console);
        var (_, parsedConfig, _) = ConfigParser.Parse(arguments, new AccumulationLogger(), config);
        var planned = ManualConfig.Union(config, parsedConfig);
        foreach (var skipped in StubOnlyFilter.SkipLines(planned, typeof(RunCommand).Assembly))
        {
            output.WriteLine(skipped);
        }

        var plan = RunPlan.For(planned, typeof(RunCommand).Assembly, session.Settings);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Plan: {plan.Cases} benchmark cases, {plan.Requests} requests (warm-up included), about {plan.EstimatedOutputTokens} output tokens, against {session.Describe()}."));
        if (options.Target == TargetKind.Live && plan.Requests > options.MaxRequests)
        {
            errors.WriteLine($"error: the plan sends {plan.Requests} requests, above --max-requests {options.MaxRequests}: narrow it with --filter or --quick, or raise --max-requests.");
            return ExitCodes.OverBudget;
        }

        Directory.CreateDirectory(records.Directory);
        var artifactResults = Path.Combine(artifacts, "results");
        if (Directory.Exists(artifactResults))
        {
            Directory.Delete(artifactResults, recursive: true);
        }

        List<BenchmarkDotNet.Reports.Summary> summaries;
        using var progress = console is null ? null : ProgressReporter.Start(ProgressCounters.DirectoryIn(records.Directory), plan.Requests, console.WriteBetweenLines);
        try
        {
            summaries = BenchmarkSwitcher.FromAssembly(typeof(RunCommand).Assembly).Run(arguments, config).ToList();
            if (progress is not null)
            {
                output.WriteLine(progress.Finish());
            }

            var published = ResultsPublisher.Publish(artifactResults, results);
            output.WriteLine($"Reports: {published.Count} files in {results}");
            SummaryCommand.Write(results, output);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever broke after the benchmarks started, what they measured is on disk: say where, in one line.
            errors.WriteLine($"error: the run failed after it started ({e.GetType().Name}: {OneLine(e.Message)}); its reports so far are in {artifactResults} and its records in {records.Directory}.");
            return ExitCodes.BenchmarkFailed;
        }

        var failed = summaries.SelectMany(s => s.Reports).Count(r => !r.Success) + summaries.Count(s => s.HasCriticalValidationErrors);
        if (summaries.Count == 0 || failed > 0)
        {
            errors.WriteLine(summaries.Count == 0
                ? "error: no benchmark ran; check --filter (list them with --list flat)."
                : $"error: {failed} benchmark case(s) failed; their rows show NA and the reports in {results} are incomplete. See the log above for the first error.");
            return ExitCodes.BenchmarkFailed;
        }

        return ExitCodes.Ok;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.');

    /// <summary>The reason in BenchmarkDotNet's parser output, which starts with a banner and then "ERROR(S):".</summary>
    private static string FirstError(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var heading = Array.FindIndex(lines, l => l.StartsWith("ERROR", StringComparison.Ordinal));
        return heading >= 0 && heading + 1 < lines.Length ? lines[heading + 1]
            : lines.LastOrDefault() ?? "BenchmarkDotNet rejected the arguments";
    }
}
