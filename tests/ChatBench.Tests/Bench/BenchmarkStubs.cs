using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Scenarios;

namespace ChatBench.Tests.Bench;

/// <summary>Which benchmark classes start stub processes of their own instead of sending only to the run's target.</summary>
internal static class BenchmarkStubs
{
    public static bool StartsItsOwn(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsDefined(typeof(StubOnlyAttribute), false) || type == typeof(RateLimitBenchmarks) || type == typeof(ConversationBenchmarks)
            || type == typeof(ConversationArrivalBenchmarks) || type == typeof(ConversationUsersBenchmarks) || type.IsSubclassOf(typeof(OpenLoopBenchmark));
    }
}
