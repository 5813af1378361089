using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// How many users can hold conversations at once within the SLO? Each case runs <see cref="Users"/> users at once,
/// each a fresh session per iteration (synthetic ones, <c>--sessions</c> or 4 turns sharing a 2,000-token system
/// prompt; a file's sessions dealt round-robin), with the prefix cache on. Every turn is judged against the run's SLO
/// (<c>--slo</c>, scaled by the time scale on the stub, as the open-loop classes do); the class finds the highest number
/// of users whose turns keep <see cref="OpenLoopResult.DefaultAttainment"/> within it, interpolated between the
/// measured numbers. On the stub each case starts a stub of its own with finite capacity (<see cref="Capacity"/>), so
/// queueing makes the time to first token grow with the users; against a provider, its own capacity decides.
/// Heavy: 92 s on two cores at time scale 0.1 (BenchmarkDotNet's total, its build included; 58 s of it the five cases),
/// where the stub keeps 90 % of the turns within the default SLO up to about 32 users.
/// </summary>
[SummarySection(
    15,
    "Conversations: the highest number of concurrent users within the SLO",
    "Users holding conversations at once (each turn sending the whole history back, a think time between an answer and the next turn), the prefix cache on, swept over the number of users: per number of users the share of turns whose TTFT, ITL and E2E all met the SLO, and the latency percentiles. On the stub, a stub process with finite capacity (16 slots, a FIFO queue, prefill charged per uncached prompt token), so turns queue once the users outgrow it.",
    Table = TableKind.ConcurrentUsers,
    Chart = ChartKind.ConcurrentUsers)]
[BenchmarkCategory(BenchmarkCategories.Conversation, BenchmarkCategories.Heavy)]
[WarmupCount(1)]
[IterationCount(3)]
public class ConversationUsersBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>
    /// The stub's capacity: the open-loop classes' model (1 ms of prefill per uncached prompt token, a batch that slows
    /// decoding) with 16 slots, so the default synthetic users outgrow it between 32 and 48 of them.
    /// </summary>
    public static CapacityModel Capacity { get; } = CapacityModel.OpenLoop with { Slots = 16 };

    private StubProcess? server;
    private ConversationRunner runner = null!;
    private IReadOnlyList<IReadOnlyList<ChatSession>> users = [];
    private ConversationRecord judged = new(0);
    private int iteration;

    // Request seeds run on over the iterations: no two requests of a case share one.
    private long nextSeed;

    [Params(1, 16, 32, 48, 64)]
    public int Users { get; set; } = 1;

    /// <summary>On the stub every request goes to the case's own stub; a live target gets every turn of every user's session.</summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target == TargetKind.Stub)
        {
            return RequestBudget.None;
        }

        var sessions = ConversationUsers.For(Workload.From(settings.WorkloadPath), settings, 0, Users).SelectMany(u => u).ToList();
        return RequestBudget.Sessions(sessions);
    }

    /// <summary>Failed turns are misses in the share within the SLO, not a failed case: a sweep past its knee may lose some.</summary>
    [Benchmark]
    public async Task Sessions()
    {
        var batch = BeginBatch(ConversationRunner.Requests(users));
        batch.Conversation = judged;
        await runner.RunAsync(users, batch, nextSeed);
        nextSeed += ConversationRunner.Requests(users);
        batch.Complete(failuresAreTheResult: true);
    }

    /// <summary>Fresh synthetic sessions for every iteration, outside the measured time.</summary>
    [IterationSetup]
    public void NextSessions() => users = ConversationUsers.For(Workload, Settings, iteration++, Users);

    protected override bool SamplesServerLoad => true;

    protected override void Setup()
    {
        var truth = Target.GroundTruth;
        if (truth is not null)
        {
            var profile = ConversationStub.Profile(truth, chargePrefill: false);
            server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = profile, Capacity = Capacity }));
            Retarget(BenchTarget.ForStub(server.BaseUri, Target.Model, profile));
        }

        // The stub's headers carry each turn's queue wait and admitted plan: the truth under load.
        var options = ChatClientFactory.Options(Target);
        options.AddPolicy(StubTruth.Policy, PipelinePosition.PerTry);
        var client = new ChatClient(Target.Model, new ApiKeyCredential(Target.ApiKey), options);
        runner = new ConversationRunner(new SdkStreamingChatCall(client), Target.GroundTruth, Target.GroundTruth?.TimeScale ?? 1, Settings.ContextWindow);
        var slo = Settings.OpenLoop.Slo.Scaled(Target.GroundTruth?.TimeScale ?? 1);
        judged = new ConversationRecord(Users) { SloTtftMs = slo.Ttft?.TotalMilliseconds, SloItlMs = slo.Itl?.TotalMilliseconds, SloE2EMs = slo.E2E?.TotalMilliseconds };
        users = ConversationUsers.For(Workload, Settings, 0, Users);
    }

    protected override void Cleanup() => server?.Dispose();
}
