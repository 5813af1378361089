using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Runtime.CompilerServices;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Progress;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Outcomes;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// What the open-loop sweeps share: one offered rate per case (a step of the sweep), requests streamed at their
/// scheduled times for <see cref="Seconds"/>, judged against the SLO. On the stub the class starts a stub process of
/// its own with <see cref="CapacityModel.OpenLoop"/>, whose saturated throughput is the truth the knee is checked against.
/// </summary>
public abstract class OpenLoopBenchmark : RecordedBenchmark, ISendsRequests
{
    private const int SaturatingConcurrency = 128;

    /// <summary>Streams sent in setup before anything else, to open connections and compile the client's path.</summary>
    private const int WarmUpStreams = 16;

    private StubProcess? server;
    private ChatClient client = null!;
    private OpenLoopCall call = null!;
    private double[]? offsets;
    private IReadOnlyList<PlannedPrompt> prompts = [];
    private OpenLoopRecord run = new(0, 0, string.Empty);

    /// <summary>
    /// On the stub everything goes to the stub process this class starts. On a live target: the seeded schedule of the
    /// step's rate, and in setup the warm-up streams and the schedule's first second (a sweep that stopped early sends less).
    /// </summary>
    public RequestBudget Budget(RunSettings settings, string method)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target == TargetKind.Stub)
        {
            return RequestBudget.None;
        }

        var open = settings.OpenLoop;
        var schedule = ArrivalSchedule.Offsets(open.Arrival, OpenLoopSweep.LiveRate(open.Rates, CurrentStep, Points), Seconds, 1 + CurrentStep);
        var budget = RequestBudget.Batch(PromptMix.Batch(Math.Max(1, schedule.Length)));
        return budget with { PerInvocation = schedule.Length, PerSetup = WarmUpStreams + OpenLoopGenerator.WarmUpSends(schedule, OpenLoopGenerator.WarmUpSecondsDefault, OpenLoopGenerator.WarmUpAtLeast(settings.Target)) };
    }

    /// <summary>The case's step of the sweep, 1 to the number of rates.</summary>
    protected abstract int CurrentStep { get; }

    /// <summary>Rates in the sweep without <c>--rates</c>.</summary>
    protected abstract int Points { get; }

    /// <summary>How long each call offers its rate.</summary>
    protected abstract double Seconds { get; }

    /// <summary>The sweep's name in the records (its files are shared by the sweep's cases): the class's name.</summary>
    private string SweepName => GetType().Name;

    /// <summary>Sends the schedule, records every request, and stops the sweep here if this rate is past saturation.</summary>
    protected async Task OfferAsync([CallerMemberName] string method = "")
    {
        var schedule = offsets ?? [];

        BatchRecorder batch;
        using (NoGcRegion.For(schedule.Length))
        {
            batch = BeginBatch(schedule.Length, method);
            await OpenLoopGenerator.RunAsync(schedule, batch, (i, at) => call.SendAsync(prompts[i], batch, at));
        }

        var stop = run.Skipped ? null : OverSaturation.Reason(batch.Snapshot(), Target.OpenLoop.MaxErrorRate);
        batch.OpenLoop = run with { Stopped = run.Stopped ?? stop };
        batch.Complete(failuresAreTheResult: true);
        if (stop is not null)
        {
            Console.WriteLine($"// The sweep stops at {run.OfferedRate:0.#} req/s: {stop}.");
            File.WriteAllText(StopFile(), string.Create(CultureInfo.InvariantCulture, $"stopped after {run.OfferedRate:0.#} req/s: {stop}"));
        }
    }

    protected override bool SamplesServerLoad => true;

    protected override void Setup()
    {
        var open = Target.OpenLoop;
        var profile = Target.GroundTruth;
        double? capacity = null;
        if (profile is not null)
        {
            var model = CapacityModel.OpenLoop;
            server = StubProcess.Start(new StubLaunch(new StubOptions { Profile = BenchTarget.StubProfile(profile.TimeScale, profile.Seed), Capacity = model }));
            Retarget(BenchTarget.ForStub(server.BaseUri, Target.Model, profile));
            var mix = PromptMix.Batch(400).Select(p => (profile.Plan(p.Text, null, p.Seed), CapacityModel.PromptTokensOf(p.Text)));
            capacity = model.SaturatedThroughput(mix, profile.TimeScale);
        }

        var options = ChatClientFactory.Options(Target);
        options.AddPolicy(StubTruth.Policy, PipelinePosition.PerTry);
        client = new ChatClient(Target.Model, new ApiKeyCredential(Target.ApiKey), options);
        call = new OpenLoopCall(client);
        var warmUp = PlannedPrompt.For(PromptMix.Batch(WarmUpStreams), profile);
        Task SendOne() => ConsumeAsync(warmUp[Random.Shared.Next(warmUp.Count)]);
        Task.WhenAll(warmUp.Select(ConsumeAsync)).GetAwaiter().GetResult();

        var rate = open.Rates is not null || Target.Kind == TargetKind.Live
            ? OpenLoopSweep.LiveRate(open.Rates, CurrentStep, Points)
            : OpenLoopSweep.FindAsync(RecordsDirectory, SweepName, SendOne, SaturatingConcurrency).GetAwaiter().GetResult().RateAt(CurrentStep, Points);

        var slo = open.Slo.Scaled(profile?.TimeScale ?? 1);
        var stopped = File.Exists(StopFile()) ? File.ReadAllText(StopFile()) : null;
        run = new OpenLoopRecord(rate, Seconds, open.Arrival.ToString())
        {
            SloTtftMs = slo.Ttft?.TotalMilliseconds,
            SloItlMs = slo.Itl?.TotalMilliseconds,
            SloE2EMs = slo.E2E?.TotalMilliseconds,
            StubCapacity = capacity,
            Stopped = stopped,
            Skipped = stopped is not null,
        };
        offsets = stopped is null ? ArrivalSchedule.Offsets(open.Arrival, rate, Seconds, (int)(profile?.Seed ?? 1) + CurrentStep) : [];
        prompts = PlannedPrompt.For(PromptMix.Batch(Math.Max(1, offsets.Length)), profile);
        OpenLoopGenerator.WarmUpAsync(offsets, OpenLoopGenerator.WarmUpSecondsDefault, OpenLoopGenerator.WarmUpAtLeast(Target.Kind), (batch, i, at) => call.SendAsync(prompts[i], batch, at)).GetAwaiter().GetResult();
    }

    protected override void Cleanup() => server?.Dispose();

    private string StopFile() => Path.Combine(RecordsDirectory, $"open-loop-stop-{SweepName}.txt");

    /// <summary>A warm-up stream, read to its end; it has no record, so it is counted here for a live run's progress.</summary>
    private async Task ConsumeAsync(PlannedPrompt prompt)
    {
        try
        {
            await foreach (var _ in client.CompleteChatStreamingAsync([new UserChatMessage(prompt.Prompt.Text)], SdkChatCall.Options(prompt)))
            {
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ProgressCounters.Current?.Count(FailureOutcome.Of(e));
            throw;
        }

        ProgressCounters.Current?.Count(RequestOutcome.Answered);
    }
}
