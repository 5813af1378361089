using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using ChatBench.Benchmarks.BenchmarkDotNetOutput;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Workloads;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace ChatBench.Benchmarks;

/// <summary>The one recommended configuration for every ChatBench benchmark.</summary>
public static class BenchConfig
{
    /// <summary>The first iteration is cold (connections, JIT): one is run and thrown away.</summary>
    public const int WarmupIterations = 1;

    /// <summary>Measured iterations per case: five, or three with <c>--quick</c>.</summary>
    public static int MeasuredIterations(BenchOptions options) => options?.Quick == true ? 3 : 5;

    /// <param name="settings">What the benchmark processes measure; null only for a config that parses and plans, never runs.</param>
    /// <param name="run">The run the JSON results describe; null for a config that parses and plans.</param>
    /// <param name="console">The console logger, when ChatBench prints lines of its own beside BenchmarkDotNet's; else BenchmarkDotNet's.</param>
    public static IConfig Create(BenchOptions options, string artifactsPath, RecordStore records, bool includeHeavy, RunSettings? settings = null, RunDescription? run = null, ILogger? console = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Every metric computed once per case from its records; the columns, the -latency reports and the JSON show them.
        var results = new CaseResultStore(records, CaseMetrics.For(options.Target));

        // Times in milliseconds, the same in every culture. The invariant culture groups thousands with commas
        // ("1,067.0"), which a CSV cell cannot hold unquoted: no group separator at all.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = string.Empty;
        var style = SummaryStyle.Default
            .WithCultureInfo(culture)
            .WithTimeUnit(TimeUnit.Millisecond);

        // The CSV is for spreadsheets: units once in the header ("Mean [ms]"), bare numbers in the cells.
        var csvStyle = new SummaryStyle(culture, printUnitsInHeader: true, SizeUnit.KB, TimeUnit.Millisecond, printUnitsInContent: false);

        var config = ManualConfig.CreateEmpty()
            // Seconds-long operations: no pilot stage, one invocation per iteration, a fixed count. The first
            // iteration is cold (connections, JIT), so one warm-up iteration is thrown away.
            .AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(WarmupIterations)
                .WithIterationCount(MeasuredIterations(options))
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                // BenchmarkDotNet rebuilds every project for its child processes, without the compiler server. The
                // analyzers already ran in the build that started the run: skipping them here saves 7 of its 22 s.
                .WithArguments([new MsBuildArgument("/p:RunAnalyzers=false"), new MsBuildArgument("/p:EnforceCodeStyleInBuild=false")])
                // The run's settings reach each benchmark process as one job variable, never the host's own environment.
                .WithEnvironmentVariables(settings is null ? [] : [settings.ToJobVariable()])
                .WithId(options.Quick ? "Quick" : "Macro"))
            // The usual statistics, the speed-up against the baseline, how close each batch came to its ideal, and what
            // the records say: latency, attempts, CPU, the thread pool, allocations.
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(results.Metrics.Select(m => new CaseMetricColumn(m, results)).ToArray())
            .AddLogger(console ?? ConsoleLogger.Default)
            // Markdown and CSV for people and spreadsheets; the JSON results, which every ChatBench report reads.
            .AddExporter(MarkdownExporter.GitHub, new CsvExporter(CsvSeparator.Comma, csvStyle), new LatencyExporter(results))
            .AddExporter(run is null ? [] : [new ResultsJsonExporter(results, run)])
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .WithSummaryStyle(style)
            .WithArtifactsPath(artifactsPath)
            .WithOption(ConfigOptions.DisableLogFile, false);

        // A live endpoint cannot stand in for the stub processes some classes start, or for the stub's ground truth.
        if (options.Target == TargetKind.Live)
        {
            config.AddFilter(new StubOnlyFilter());
        }

        // Heavy cases stay out of the default five-minute suite unless a category option asks for them.
        return includeHeavy
            ? config
            : config.AddFilter(new SimpleFilter(c => !c.Descriptor.Categories.Contains(BenchmarkCategories.Heavy)));
    }

    /// <summary>What the JSON results say about the run: target, model, commit, date, iterations, arguments.</summary>
    public static RunDescription Describe(BenchOptions options, CommandLineOptions parsed, string root)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parsed);
        var stub = options.Target == TargetKind.Stub;
        return new RunDescription
        {
            Target = stub ? "stub" : "live",
            BaseUrl = stub ? null : options.BaseUrl.ToString(),
            Model = options.Model,
            TimeScale = stub ? options.TimeScale : null,
            Seed = stub ? options.Seed : null,
            Commit = GitRevision.Of(root),
            DateUtc = DateTimeOffset.UtcNow,
            WarmupIterations = parsed.WarmupIterationCount ?? WarmupIterations,
            MeasuredIterations = parsed.IterationCount ?? MeasuredIterations(options),
            BenchmarkArguments = options.BenchmarkDotNetArguments,
            Workload = options.Workload,
            Profile = options.Profile,
        };
    }
}
