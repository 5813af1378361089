using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// What a run will send to its target: benchmark cases, requests (warm-ups, diagnoser passes and setup warm-ups
/// included, see <see cref="CaseCalls"/>) and output tokens.
/// </summary>
public sealed record RunPlan(int Cases, long Requests, long EstimatedOutputTokens)
{
    public static RunPlan For(IConfig config, Assembly assembly, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return For(config, BenchmarkTypes(assembly), settings);
    }

    public static RunPlan For(IConfig config, IEnumerable<Type> benchmarkTypes, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(benchmarkTypes);
        int cases = 0;
        long requests = 0, tokens = 0;
        foreach (var type in benchmarkTypes)
        {
            foreach (var benchmarkCase in CasesToRun(type, config))
            {
                cases++;
                if (Instantiate(type, benchmarkCase) is ISendsRequests sender)
                {
                    var budget = sender.Budget(settings, benchmarkCase.Descriptor.WorkloadMethod.Name);
                    var calls = CaseCalls.Of(benchmarkCase);
                    requests += (calls.Setups * budget.PerSetup) + (calls.Invocations * budget.PerInvocation);
                    tokens += calls.Invocations * budget.EstimatedOutputTokensPerInvocation;
                }
            }
        }

        return new RunPlan(cases, requests, tokens);
    }

    /// <summary>The concrete classes with benchmark methods.</summary>
    public static IEnumerable<Type> BenchmarkTypes(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute))));
    }

    /// <summary>The cases of <paramref name="type"/> the run will run: the converter applies the config's filters.</summary>
    public static IEnumerable<BenchmarkCase> CasesToRun(Type type, IConfig config) => BenchmarkConverter.TypeToBenchmarks(type, config).BenchmarksCases;

    private static object? Instantiate(Type type, BenchmarkCase benchmarkCase)
    {
        var instance = Activator.CreateInstance(type);
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            var member = type.GetMember(parameter.Name, BindingFlags.Public | BindingFlags.Instance).FirstOrDefault();
            switch (member)
            {
                case PropertyInfo property:
                    property.SetValue(instance, parameter.Value);
                    break;
                case FieldInfo field:
                    field.SetValue(instance, parameter.Value);
                    break;
            }
        }

        return instance;
    }
}
