using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// Conversations: users holding sessions at once, each turn sending the system prompt, the whole history and the
/// answers the endpoint returned, then waiting its think time before the next. The sessions are the workload file's, or
/// synthetic ones (<c>--sessions</c>; by default 3 users of 4 turns sharing a 2,000-token system prompt), fresh ones
/// every iteration. On the stub each case starts a stub of its own (<see cref="ConversationStub"/>) that charges a
/// prefill per uncached prompt token and varies its answers per request seed, so a file's session sent again diverges
/// from its first answer on, with its prefix cache on or off; against a provider only the cache it has (on) runs.
/// </summary>
[SummarySection(
    14,
    "Conversations: latency by turn, with and without the prefix cache",
    "Sessions of several turns, each turn sending the whole history back, held by several users at once: per turn index the prompt tokens, the tokens the server answered from its prefix cache, and the latency percentiles. On the stub, the prefix cache on against off, with a prefill cost per uncached prompt token.",
    Table = TableKind.Turns,
    Chart = ChartKind.TurnLatency)]
[BenchmarkCategory(BenchmarkCategories.Conversation)]
[StubOnlyValue(nameof(PrefixCache), false, "turns the stub's prefix cache off; a provider's cannot be")]
[WarmupCount(1)]
[IterationCount(3)]
public class ConversationBenchmarks : RecordedBenchmark, ISendsRequests
{
    private StubProcess? server;
    private ConversationRunner runner = null!;
    private IReadOnlyList<IReadOnlyList<ChatSession>> users = [];
    private int iteration;

    // Request seeds run on over the iterations: no two requests of a case share one.
    private long nextSeed;

    [Params(true, false)]
    public bool PrefixCache { get; set; }

    /// <summary>On the stub every request goes to the case's own stub; a live target gets every turn of every session.</summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target == TargetKind.Stub)
        {
            return RequestBudget.None;
        }

        var sessions = ConversationUsers.For(Workload.From(settings.WorkloadPath), settings, 0).SelectMany(u => u).ToList();
        return RequestBudget.Sessions(sessions);
    }

    [Benchmark]
    public async Task Sessions()
    {
        var batch = BeginBatch(ConversationRunner.Requests(users));
        await runner.RunAsync(users, batch, nextSeed);
        nextSeed += ConversationRunner.Requests(users);
        batch.Complete();
    }

    /// <summary>Fresh synthetic sessions for every iteration (a file's sessions are the same every time), outside the measured time.</summary>
    [IterationSetup]
    public void NextSessions() => users = ConversationUsers.For(Workload, Settings, iteration++);

    protected override bool SamplesServerLoad => true;

    protected override void Setup()
    {
        if (Target.Kind == TargetKind.Stub)
        {
            var profile = ConversationStub.Profile(Target.GroundTruth!, chargePrefill: true);
            server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = profile, PrefixCache = PrefixCache ? PrefixCacheOptions.Default : PrefixCacheOptions.Off }));
            Retarget(BenchTarget.ForStub(server.BaseUri, Target.Model, profile));
        }

        runner = new ConversationRunner(SdkStreaming, Target.GroundTruth, Target.GroundTruth?.TimeScale ?? 1, Settings.ContextWindow);
        users = ConversationUsers.For(Workload, Settings, 0);
    }

    protected override void Cleanup() => server?.Dispose();
}
