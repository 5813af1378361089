using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using ChatBench.Benchmarks.Configuration;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Reports.Latency;
using ChatBench.Benchmarks.Scenarios;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace ChatBench.Benchmarks;

/// <summary>The one recommended configuration for every ChatBench benchmark.</summary>
public static class BenchConfig
{
    /// <param name="target">What the benchmark processes measure; null only for a config that parses and plans, never runs.</param>
    public static IConfig Create(BenchOptions options, string artifactsPath, RecordStore records, bool includeHeavy, TargetEnvironment? target = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Times in milliseconds, no thousands separators in any culture, so the CSV parses anywhere.
        var style = SummaryStyle.Default
            .WithCultureInfo(CultureInfo.InvariantCulture)
            .WithTimeUnit(TimeUnit.Millisecond);

        // The CSV is for tools: units once in the header ("Mean [ms]"), bare numbers in the cells.
        var csvStyle = new SummaryStyle(
            CultureInfo.InvariantCulture, printUnitsInHeader: true, SizeUnit.KB, TimeUnit.Millisecond, printUnitsInContent: false);

        var config = ManualConfig.CreateEmpty()
            // Seconds-long operations: no pilot stage, one invocation per iteration, a fixed count. The first
            // iteration is cold (connections, JIT), so one warm-up iteration is thrown away.
            .AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(options.Quick ? 3 : 5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                // BenchmarkDotNet rebuilds every project for its child processes, without the compiler server. The
                // analyzers already ran in the build that started the run: skipping them here saves 7 of its 22 s.
                .WithArguments([new MsBuildArgument("/p:RunAnalyzers=false"), new MsBuildArgument("/p:EnforceCodeStyleInBuild=false")])
                // The target reaches each benchmark process through its job, never the host's own environment.
                .WithEnvironmentVariables(target?.ToJobVariables() ?? [])
                .WithId(options.Quick ? "Quick" : "Macro"))
            // The usual statistics, the speed-up against the baseline, and how close each batch came to its ideal.
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(new IdealColumn(records, options.Target), new EfficiencyColumn(records), new ServerCpuColumn(records))
            .AddColumn([.. LatencyColumn.All(records, options.Target == TargetKind.Stub)])
            .AddColumn([.. AttemptColumn.All(records)])
            .AddColumn(
                InvocationMetricColumn.ClientCpuPerRequest(records),
                InvocationMetricColumn.PeakThreadPoolThreads(records),
                InvocationMetricColumn.PeakPendingWorkItems(records),
                new AllocatedPerRequestColumn(records))
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub, new CsvExporter(CsvSeparator.Comma, csvStyle), new SeedArrivalExporter(records), new SeedArrivalCsvExporter(records), new LatencyExporter(records))
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
}
