using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Benchmarks;

/// <summary>What a run will send: benchmark cases, requests (warm-up and jitting calls included) and output tokens.</summary>
public sealed record RunPlan(int Cases, long Requests, long EstimatedOutputTokens)
{
    /// <summary>Calls of the benchmark method per case beyond the measured iterations: the warm-up iteration.</summary>
    public const int UnmeasuredInvocations = 1;

    public static RunPlan For(IConfig config, Assembly assembly, int measuredIterations)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var invocations = measuredIterations + UnmeasuredInvocations;
        int cases = 0;
        long requests = 0, tokens = 0;
        var benchmarkTypes = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute))));
        foreach (var type in benchmarkTypes)
        {
            // The converter builds every case of the type; the run keeps only those the config's filters let through.
            foreach (var benchmarkCase in BenchmarkConverter.TypeToBenchmarks(type, config).BenchmarksCases.Where(c => config.GetFilters().All(f => f.Predicate(c))))
            {
                cases++;
                if (Instantiate(type, benchmarkCase) is ISendsRequests sender)
                {
                    requests += (long)sender.RequestsPerInvocation * invocations;
                    tokens += (long)sender.EstimatedOutputTokensPerInvocation * invocations;
                }
            }
        }

        return new RunPlan(cases, requests, tokens);
    }

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
