using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Progress;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.ServerMetrics;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// What every chat benchmark shares: the target the host's job set in this process, one <see cref="ChatClient"/> created in
/// setup with its calls, and a record log for the one case BenchmarkDotNet runs in this process, flushed outside the measured time.
/// When the run's target serves <c>/metrics</c>, the server's view of every call is scraped after it, outside the measured time too.
/// </summary>
public abstract class RecordedBenchmark
{
    /// <summary>
    /// Scrapes before a class that samples the server's load is measured: enough calls for every method of the scrape
    /// path to pass both of tiered compilation's 30-call thresholds (instrumented, then optimized).
    /// </summary>
    private const int ScrapeWarmUps = 64;

    private RecordLog? log;
    private ServerWindowRecorder? server;
    private int windowFrom;

    protected BenchTarget Target { get; private set; } = null!;

    protected ChatClient Client { get; private set; } = null!;

    /// <summary>Non-streaming requests through <see cref="Client"/>.</summary>
    protected SdkChatCall Sdk { get; private set; } = null!;

    /// <summary>Streaming requests through <see cref="Client"/>.</summary>
    protected SdkStreamingChatCall SdkStreaming { get; private set; } = null!;

    /// <summary>Where this run's records go: shared by every benchmark process of one run.</summary>
    protected string RecordsDirectory { get; private set; } = string.Empty;

    /// <summary>The run's settings, as this process received them.</summary>
    protected RunSettings Settings { get; private set; } = RunSettings.Defaults;

    /// <summary>The run's workload: the user's file, or the built-in mix.</summary>
    protected Workload Workload { get; private set; } = null!;

    /// <summary>
    /// True when the run sends a workload file or replays a profile: then each iteration may send fresh request seeds,
    /// so a deterministic endpoint answers every iteration with new draws, as a provider does. The default suite keeps
    /// its fixed seeds, and with them its reference numbers.
    /// </summary>
    protected bool FreshSeedsPerIteration { get; private set; }

    private double maxErrorRate;

    [GlobalSetup]
    public void GlobalSetup() => SetUpAgainst(RunSettings.FromJob());

    /// <summary>Setup against settings given directly: what tests use instead of a job's variable.</summary>
    public void SetUpAgainst(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        RecordsDirectory = settings.RecordsDirectory;
        Target = BenchTarget.From(settings);
        Workload = Workload.From(settings.WorkloadPath);
        maxErrorRate = settings.MaxErrorRate;
        FreshSeedsPerIteration = settings.WorkloadPath is not null || settings.ProfilePath is not null;

        // Before the first request (setup's warm-ups included): the host prints what a live run's processes count.
        if (settings.Target == TargetKind.Live)
        {
            ProgressCounters.CountIn(ProgressCounters.DirectoryIn(settings.RecordsDirectory));
        }

        UseClient(ChatClientFactory.Create(Target));
        Setup();

        // After setup's warm-ups, at the target the class measures (its own stub, if it started one).
        server = settings.ScrapesServerMetrics && RecordsServerWindows ? ServerWindowRecorder.Start(Target.BaseUrl, Target.ApiKey, SamplesServerLoad) : null;
        if (SamplesServerLoad)
        {
            server?.WarmUp(ScrapeWarmUps, () => JitQuiet.AfterWarmUp());
        }
    }

    /// <summary>
    /// Whether the run's target is scraped around each iteration: not by a class that sends only to a stub process of
    /// its own, whose run target sits idle (an empty server view at the cost of a scrape an iteration).
    /// </summary>
    protected virtual bool RecordsServerWindows => true;

    /// <summary>Open-loop and conversation classes: the server's running and waiting requests are read every second.</summary>
    protected virtual bool SamplesServerLoad => false;

    [IterationCleanup]
    public void IterationCleanup()
    {
        RecordServerWindow();
        log?.Flush();
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        log?.Flush();
        server?.Dispose();
        Cleanup();
    }

    /// <summary>The server's view of the call since the last iteration, kept when exactly one call of the method began in it.</summary>
    private void RecordServerWindow()
    {
        if (server is null || log is null)
        {
            return;
        }

        if (server.Close() is { } window && log.Invocations == windowFrom + 1)
        {
            log.AddServerWindow(windowFrom, window);
        }

        windowFrom = log.Invocations;
    }

    /// <summary>Extra setup after the target and client exist.</summary>
    protected virtual void Setup()
    {
    }

    protected virtual void Cleanup()
    {
    }

    /// <summary>Points the benchmark at another target, for classes that need a stub of their own.</summary>
    protected void Retarget(BenchTarget target)
    {
        Target = target;
        UseClient(ChatClientFactory.Create(target));
    }

    private void UseClient(ChatClient client)
    {
        Client = client;
        Sdk = new SdkChatCall(client);
        SdkStreaming = new SdkStreamingChatCall(client);
    }

    /// <summary>
    /// One call of a benchmark method: records the batch <paramref name="send"/> sends and fails the benchmark if more
    /// of its requests failed than the run's error budget allows.
    /// </summary>
    protected async Task RunBatchAsync(int requests, Func<BatchRecorder, Task> send, [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(send);
        var batch = BeginBatch(requests, method);
        await send(batch);
        batch.Complete();
    }

    /// <summary>Starts recording one call of the benchmark method <paramref name="method"/>.</summary>
    protected BatchRecorder BeginBatch(int requests, [CallerMemberName] string method = "")
    {
        log ??= new RecordLog(RecordsDirectory, CaseKey.Of(this, method));
        return log.Begin(requests, maxErrorRate);
    }
}
