using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// Conversations arriving open loop: sessions start at an offered rate in sessions per second (<c>--rates</c>, with
/// <c>--arrival</c>'s process; by default 2, 5 and 10 a second), each whatever the others are doing, for
/// <see cref="Seconds"/> seconds of arrivals; a session's first turn counts its latency from its scheduled start, the
/// later turns follow their think times. The sessions are the workload file's, cycled, or fresh synthetic ones. On the
/// stub a stub of its own with the prefix cache and <see cref="ConversationStub.PrefillMsPerToken"/>. Heavy: one
/// iteration of each rate, about 5 s each at the default time scale.
/// </summary>
[SummarySection(
    16,
    "Conversations arriving open loop: latency by turn at a session rate",
    "Sessions starting at an offered rate (sessions per second), each turn sending the whole history back after its think time: per rate and turn index, the prompt and cached tokens and the latency percentiles, the first turn's counted from its scheduled start.",
    Table = TableKind.Turns,
    Chart = ChartKind.TurnLatency)]
[BenchmarkCategory(BenchmarkCategories.Conversation, BenchmarkCategories.OpenLoop, BenchmarkCategories.Heavy)]
[WarmupCount(0)]
[IterationCount(1)]
public class ConversationArrivalBenchmarks : RecordedBenchmark, ISendsRequests
{
    /// <summary>Seconds over which sessions arrive, per rate.</summary>
    public const double Seconds = 4;

    /// <summary>Unmeasured streams sent in setup: the one measured iteration must not pay the first connections and JIT.</summary>
    public const int WarmUpStreams = 16;

    private static readonly double[] DefaultRates = [2, 5, 10];

    private StubProcess? server;
    private ConversationRunner runner = null!;
    private IReadOnlyList<(ChatSession Session, double StartMs)> arrivals = [];

    /// <summary>The offered rates in sessions per second: the host's --rates, else the defaults (fixed when the host builds the cases).</summary>
    public static IEnumerable<double> Rates => RunSettings.Current.OpenLoop.Rates ?? DefaultRates;

    [ParamsSource(nameof(Rates))]
    public double SessionsPerSecond { get; set; }

    /// <summary>On the stub every request goes to the class's own stub; a live target gets every turn of every scheduled session.</summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target == TargetKind.Stub)
        {
            return RequestBudget.None;
        }

        return RequestBudget.Sessions([.. ArrivalsFor(Workload.From(settings.WorkloadPath), settings, SessionsPerSecond).Select(a => a.Session)], WarmUpStreams);
    }

    [Benchmark]
    public async Task Sessions()
    {
        var batch = BeginBatch(ChatSession.PlannedRequests(arrivals.Select(a => a.Session)));
        await runner.RunScheduledAsync(arrivals, batch, firstSeed: 0);
        batch.Complete();
    }

    protected override bool SamplesServerLoad => true;

    protected override void Setup()
    {
        if (Target.Kind == TargetKind.Stub)
        {
            var profile = ConversationStub.Profile(Target.GroundTruth!, chargePrefill: true);
            server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = profile }));
            Retarget(BenchTarget.ForStub(server.BaseUri, Target.Model, profile));
        }

        runner = new ConversationRunner(SdkStreaming, Target.GroundTruth, Target.GroundTruth?.TimeScale ?? 1, Settings.ContextWindow);
        arrivals = ArrivalsFor(Workload, Settings, SessionsPerSecond);
        WarmUp.SendAsync(PlannedPrompt.For(PromptMix.Batch(WarmUpStreams), Target.GroundTruth), (prompts, batch) => BatchStrategies.WhenAllAsync(SdkStreaming, prompts, batch)).GetAwaiter().GetResult();
    }

    protected override void Cleanup() => server?.Dispose();

    /// <summary>The schedule at <paramref name="rate"/> (seeded), each start with a session: the file's in turn, or synthetic ones.</summary>
    private static List<(ChatSession Session, double StartMs)> ArrivalsFor(Workload workload, RunSettings settings, double rate)
    {
        var starts = ArrivalSchedule.Offsets(settings.OpenLoop.Arrival, rate, Seconds, (int)settings.Seed);
        var synthetic = settings.Sessions ?? SyntheticSessions.Default;
        return [.. starts.Select((start, i) => (workload.Sessions.Count > 0 ? workload.Sessions[i % workload.Sessions.Count] : synthetic.Session(i, settings.Seed), start))];
    }
}
