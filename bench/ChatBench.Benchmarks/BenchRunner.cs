using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.ConsoleArguments.ListBenchmarks;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Configuration;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Reports.Charts;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;

namespace ChatBench.Benchmarks;

/// <summary>
/// The host process: checks the command line and the target before anything runs, starts the embedded stub or
/// checks the live endpoint, hands the target to the benchmark processes, runs BenchmarkDotNet and publishes the reports.
/// </summary>
public static class BenchRunner
{
    public const int ExitOk = 0;
    public const int ExitBenchmarkFailed = 1;
    public const int ExitBadArguments = 2;
    public const int ExitTargetUnavailable = 3;
    public const int ExitOverBudget = 4;

    /// <summary>The shell's convention for a run ended by Ctrl+C (128 + SIGINT).</summary>
    public const int ExitInterrupted = 130;

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
                return ExitOk;
            }

            errors.WriteLine($"error: {error}");
            return ExitBadArguments;
        }

        var root = RepositoryRoot();
        var results = Path.GetFullPath(options.ResultsDirectory ?? Path.Combine(root, "results"));
        if (options.ReportOnly)
        {
            return WriteSummary(results, output, errors);
        }

        var artifacts = Path.Combine(root, "BenchmarkDotNet.Artifacts");
        var records = new RecordStore(Path.Combine(artifacts, "records", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)));
        var benchmarkArgs = WithDefaultFilter(options.BenchmarkDotNetArguments);
        var config = BenchConfig.Create(options, artifacts, records, AsksForHeavy(benchmarkArgs));

        var parserLog = new AccumulationLogger();
        var (parsed, parsedConfig, parsedOptions) = ConfigParser.Parse([.. benchmarkArgs], parserLog, config);
        if (!parsed)
        {
            errors.WriteLine($"error: {FirstLine(parserLog.GetLog()).TrimEnd('.')}; see --help.");
            return ExitBadArguments;
        }

        if (parsedOptions.ListBenchmarkCaseMode != ListBenchmarkCaseMode.Disabled || parsedOptions.PrintInformation)
        {
            BenchmarkSwitcher.FromAssembly(typeof(BenchRunner).Assembly).Run([.. benchmarkArgs], config);
            return ExitOk;
        }

        ChatCompletionsStub? stub = null;

        // BenchmarkDotNet carries on through Ctrl+C; a user who presses it wants the run, its benchmark processes and
        // the stub gone, and an exit code that says the reports are incomplete.
        void Interrupt(PosixSignalContext signal)
        {
            signal.Cancel = true;
            errors.WriteLine("error: interrupted; the benchmark processes and the stub are stopped, and this run's reports are incomplete.");
            ChildProcesses.KillAll();
            stub?.Dispose();
            Environment.Exit(ExitInterrupted);
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        try
        {
            TargetEnvironment environment;
            if (options.Target == TargetKind.Stub)
            {
                stub = ChatCompletionsStub.Start(new StubOptions
                {
                    Profile = BenchTarget.StubProfile(options.TimeScale, options.Seed),
                    Models = new StubOptions().Models.Append(options.Model).Distinct().ToList(),
                });
                environment = new TargetEnvironment(TargetKind.Stub, stub.BaseUri, options.Model, options.TimeScale, options.Seed, records.Directory);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warming up the embedded stub ({StubWarmUp.Rounds * StubWarmUp.RequestsPerRound} unmeasured requests)..."));
                StubWarmUp.RunAsync(stub.BaseUri).GetAwaiter().GetResult();
            }
            else
            {
                environment = new TargetEnvironment(TargetKind.Live, options.BaseUrl, options.Model, options.TimeScale, options.Seed, records.Directory);
                if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BenchOptions.ApiKeyVariable)))
                {
                    errors.WriteLine($"error: {BenchOptions.ApiKeyVariable} is not set: export your API key in it for --target live, or drop --target live to use the embedded stub.");
                    return ExitBadArguments;
                }

                output.WriteLine($"Preflight: one request to {options.BaseUrl} with model {options.Model}...");
                if (LivePreflight.Check(BenchTarget.From(environment)) is { } reason)
                {
                    errors.WriteLine($"error: preflight failed: {reason}");
                    return ExitTargetUnavailable;
                }
            }

            // The parsed command line carries its own filters only; the heavy-category filter is in the config.
            var planned = ManualConfig.Union(config, parsedConfig);
            StubOnlyFilter.SkipLines(planned, typeof(BenchRunner).Assembly).ToList().ForEach(output.WriteLine);
            var plan = RunPlan.For(planned, typeof(BenchRunner).Assembly, options.Target);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Plan: {plan.Cases} benchmark cases, {plan.Requests} requests (warm-up included), about {plan.EstimatedOutputTokens} output tokens, against {Describe(options, environment)}."));
            if (options.Target == TargetKind.Live && plan.Requests > options.MaxRequests)
            {
                errors.WriteLine($"error: the plan sends {plan.Requests} requests, above --max-requests {options.MaxRequests}: narrow it with --filter or --quick, or raise --max-requests.");
                return ExitOverBudget;
            }

            config = BenchConfig.Create(options, artifacts, records, AsksForHeavy(benchmarkArgs), environment);
            Directory.CreateDirectory(records.Directory);
            var artifactResults = Path.Combine(artifacts, "results");
            if (Directory.Exists(artifactResults))
            {
                Directory.Delete(artifactResults, recursive: true);
            }

            var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchRunner).Assembly).Run([.. benchmarkArgs], config).ToList();
            var published = ResultsPublisher.Publish(artifactResults, results);
            output.WriteLine($"Reports: {published.Count} files in {results}");

            var failed = summaries.SelectMany(s => s.Reports).Count(r => !r.Success) + summaries.Count(s => s.HasCriticalValidationErrors);
            RunInfo.Describe(options, benchmarkArgs, summaries.Sum(s => s.BenchmarksCases.Length), failed, root).Write(results);
            WriteSummary(results, output, errors);
            if (summaries.Count == 0 || failed > 0)
            {
                errors.WriteLine(summaries.Count == 0
                    ? "error: no benchmark ran; check --filter (list them with --list flat)."
                    : $"error: {failed} benchmark case(s) failed; their rows show NA and the reports in {results} are incomplete. See the log above for the first error.");
                return ExitBenchmarkFailed;
            }

            return ExitOk;
        }
        finally
        {
            stub?.Dispose();
        }
    }

    /// <summary>SUMMARY.md and the charts, from whatever the results folder holds; a chart without data is said so on the page.</summary>
    private static int WriteSummary(string results, TextWriter output, TextWriter errors)
    {
        if (!Directory.Exists(results))
        {
            errors.WriteLine($"error: the results folder {results} does not exist: run the benchmarks first, or point --results at a folder of reports.");
            return ExitBadArguments;
        }

        var summary = SummaryPage.Write(results);
        output.WriteLine($"Summary: {summary.Page} with {summary.Charts.Count} charts in {Path.Combine(results, ResultsFolder.ChartsFolder)}");
        foreach (var gap in summary.Missing)
        {
            output.WriteLine($"  no chart: {gap}");
        }

        return ExitOk;
    }

    private static string Describe(BenchOptions options, TargetEnvironment environment) => options.Target == TargetKind.Stub
        ? string.Create(CultureInfo.InvariantCulture, $"the embedded stub at {environment.BaseUrl} (time scale {options.TimeScale}, seed {options.Seed})")
        : $"{environment.BaseUrl} (model {options.Model})";

    /// <summary>BenchmarkSwitcher asks on standard input when no filter is given; the default suite is everything.</summary>
    private static List<string> WithDefaultFilter(IReadOnlyList<string> args)
    {
        var list = args.ToList();
        if (!list.Any(a => a is "--filter" or "-f"))
        {
            list.AddRange(["--filter", "*"]);
        }

        return list;
    }

    private static bool AsksForHeavy(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--allCategories" or "--anyCategories" or "--categories")
            {
                for (var j = i + 1; j < args.Count && !args[j].StartsWith('-'); j++)
                {
                    if (args[j] == BenchmarkCategories.Heavy)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The reason in BenchmarkDotNet's parser output, which starts with a banner and then "ERROR(S):".</summary>
    private static string FirstLine(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var heading = Array.FindIndex(lines, l => l.StartsWith("ERROR", StringComparison.Ordinal));
        return heading >= 0 && heading + 1 < lines.Length ? lines[heading + 1]
            : lines.LastOrDefault() ?? "BenchmarkDotNet rejected the arguments";
    }

    /// <summary>The folder holding ChatBench.sln, searched up from the working directory, then from the program.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatBench.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
