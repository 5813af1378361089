using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Tests.Bench;

public sealed class CaseKeyTests
{
    [Fact]
    public void A_class_whose_benchmarks_are_inherited_names_its_cases_the_same_in_the_benchmark_process_and_the_host()
    {
        var host = BenchmarkConverter.TypeToBenchmarks(typeof(StubCostBenchmarks), ManualConfig.CreateEmpty()).BenchmarksCases
            .Single(c => c.Descriptor.WorkloadMethod.Name == "Completions1000" && Equals(c.Parameters[nameof(StubCostBenchmarks.Metrics)], true));

        Assert.Equal(CaseKey.Of(host), CaseKey.Of(new StubCostBenchmarks(), "Completions1000"));
        Assert.StartsWith(typeof(StubCostBenchmarks).FullName + ".Completions1000(", CaseKey.Of(host), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameterised_case_carries_its_parameter_values()
    {
        var benchmark = new BatchBenchmarks { BatchSize = 25 };

        Assert.Equal($"{typeof(BatchBenchmarks).FullName}.WhenAll(BatchSize=25)", CaseKey.Of(benchmark, "WhenAll"));
    }
}
