using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Harness;

/// <summary>Drops the <see cref="StubOnlyAttribute"/> classes and the <see cref="StubOnlyValueAttribute"/> cases from a live run.</summary>
public sealed class StubOnlyFilter : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return Reason(benchmarkCase.Descriptor.Type) is null
            && !benchmarkCase.Descriptor.Type.GetCustomAttributes<StubOnlyValueAttribute>().Any(v => v.Matches(benchmarkCase));
    }

    /// <summary>
    /// One line per class this config's filter skips that the run would otherwise have run (so a narrow --filter does
    /// not list every stub-only class); none when the config has no such filter.
    /// </summary>
    public static IReadOnlyList<string> SkipLines(IConfig config, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.GetFilters().Any(f => f is StubOnlyFilter))
        {
            return [];
        }

        // The converter applies a config's filters, so the cases come unfiltered and meet every filter but this one here.
        var others = config.GetFilters().Where(f => f is not StubOnlyFilter).ToList();
        var unfiltered = ManualConfig.CreateEmpty().AddJob([.. config.GetJobs()]);
        var classes = RunPlan.BenchmarkTypes(assembly)
            .Where(t => Reason(t) is not null && RunPlan.CasesToRun(t, unfiltered).Any(c => others.All(f => f.Predicate(c))))
            .Select(t => $"skipped under --target live: {t.Name} {Reason(t)}");
        var values = RunPlan.BenchmarkTypes(assembly)
            .Where(t => Reason(t) is null)
            .SelectMany(t => t.GetCustomAttributes<StubOnlyValueAttribute>()
                .Where(v => RunPlan.CasesToRun(t, unfiltered).Any(c => v.Matches(c) && others.All(f => f.Predicate(c))))
                .Select(v => $"skipped under --target live: {t.Name} with {v.Parameter}={v.Value} {v.Reason}"));
        return [.. classes, .. values];
    }

    private static string? Reason(Type type) => type.GetCustomAttribute<StubOnlyAttribute>()?.Reason;
}
