using System.Reflection;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Every benchmark method, called once as BenchmarkDotNet would (setup, one call, cleanup) against a fast stub, sends
/// to the target what its budget claims and records a valid answer for each request. Parameters take their first declared value.
/// </summary>
public sealed class BenchmarkMethodTests
{
    private const double TimeScale = 0.02;

    /// <summary>Every benchmark method; those of classes that start stub processes of their own run end to end, and are slow.</summary>
    public static IEnumerable<TheoryDataRow<string, string>> Methods()
    {
        foreach (var type in typeof(BenchRunner).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(RecordedBenchmark))))
        {
            foreach (var method in type.GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute))))
            {
                var row = new TheoryDataRow<string, string>(type.Name, method.Name);
                yield return BenchmarkStubs.StartsItsOwn(type) ? row.WithTrait(TestCategories.Trait, TestCategories.Slow) : row;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_benchmark_method_gets_a_valid_answer_for_every_request(string typeName, string methodName)
    {
        var type = typeof(BenchRunner).Assembly.GetTypes().Single(t => t.Name == typeName);
        var method = type.GetMethod(methodName)!;
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, 1) });
        var records = Directory.CreateTempSubdirectory("chatbench-method-").FullName;
        try
        {
            var benchmark = (RecordedBenchmark)Activator.CreateInstance(type)!;
            await InProcessBenchmarkRun.WithinDeadlineAsync(
                async () =>
                {
                    SetFirstParameterValues(benchmark);
                    benchmark.SetUpAgainst(new RunSettings(new BenchOptions { TimeScale = TimeScale }, stub.BaseUri, records));
                    if (method.Invoke(benchmark, null) is Task task)
                    {
                        await task;
                    }

                    benchmark.IterationCleanup();
                    benchmark.GlobalCleanup();
                    return true;
                },
                () => $"{typeName}.{methodName} against the in-process stub at {stub.BaseUri} ({stub.Statistics.Received} chat requests received, {stub.Statistics.Succeeded} answered, {stub.Statistics.InFlight} in flight)");

            var invocation = Assert.Single(RecordLog.Read(records, CaseKey.Of(benchmark, methodName)));
            Assert.NotEmpty(invocation.Requests);
            var answered = invocation.Requests.Where(r => r.Succeeded).ToList();
            if (type == typeof(RateLimitBenchmarks) && methodName == nameof(RateLimitBenchmarks.UnboundedSdkRetries))
            {
                // The SDK's default retries give up on some 429s: that loss is what this case measures.
                Assert.All(invocation.Requests, r => Assert.Contains(r.Outcome, (RequestOutcome[])[RequestOutcome.Answered, RequestOutcome.HttpStatus(429)]));
                Assert.NotEmpty(answered);
            }
            else
            {
                Assert.All(invocation.Requests, r => Assert.Equal(RequestOutcome.Answered, r.Outcome));
            }

            Assert.All(answered, r => Assert.True(r.OutputTokens > 0, $"request {r.Index} has no usage"));
            Assert.All(answered, r => Assert.True(r.EndMs >= r.StartMs + r.ExpectedTotalMs!.Value - 1, $"request {r.Index} was faster than the stub's plan"));
            // The target receives what the plan counts for it: setup warm-ups and one call, nothing sent to a class's own stub.
            var budget = Assert.IsAssignableFrom<ISendsRequests>(benchmark).Budget(RunSettings.Defaults, methodName);
            Assert.Equal(budget.PerSetup + budget.PerInvocation, stub.Statistics.Received);
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    private static void SetFirstParameterValues(object benchmark)
    {
        foreach (var property in benchmark.GetType().GetProperties().Where(p => p.IsDefined(typeof(ParamsAttribute))))
        {
            property.SetValue(benchmark, property.GetCustomAttribute<ParamsAttribute>()!.Values[0]);
        }

        // A [ParamsSource] names a static member whose values BenchmarkDotNet reads in the host.
        foreach (var property in benchmark.GetType().GetProperties().Where(p => p.IsDefined(typeof(ParamsSourceAttribute))))
        {
            var name = property.GetCustomAttribute<ParamsSourceAttribute>()!.Name;
            var values = benchmark.GetType().GetProperty(name) is { } source ? source.GetValue(null) : benchmark.GetType().GetMethod(name)!.Invoke(null, null);
            property.SetValue(benchmark, ((System.Collections.IEnumerable)values!).Cast<object>().First());
        }
    }
}
