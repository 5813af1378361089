#:project ../bench/ChatBench.Benchmarks/ChatBench.Benchmarks.csproj
#:property Optimize=true
#:property TieredPGO=true
#:property ServerGarbageCollection=false
#:property PublishAot=false

// Sends the same batch through one client stack over and over against the embedded stub (its own process, as in the
// benchmarks), so a profiler can attach to a warmed-up client and sample only measured batches. It warms the stub and
// the client first (three batches), prints "ready <pid>", waits PAUSE seconds for the profiler, then sends BATCHES
// batches, and prints what each batch cost the process: wall time, CPU, allocation, collections, GC pauses, JIT compilation, pool threads
// and the arrays the shared ArrayPool had to allocate because none was pooled (count and KB), read from its event source.
// Usage: dotnet run -c Release tools/ProfileBatch.cs -- STACK [REQUESTS] [BATCHES] [PAUSE]
//   STACK: raw or one of ClientStackCatalog.Names (sdk = the SDK as it comes).
using System.Diagnostics;
using System.Globalization;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;

var invariant = CultureInfo.InvariantCulture;
if (args.Length is 0 or > 4 || !ClientStackCatalog.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"error: give a stack ({string.Join(", ", ClientStackCatalog.Names)}) and optionally REQUESTS BATCHES PAUSE, such as: sdk 1000 20 3");
    return 2;
}

var requests = args.Length > 1 ? int.Parse(args[1], invariant) : 1000;
var batches = args.Length > 2 ? int.Parse(args[2], invariant) : 20;
var pause = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], invariant) : 3);

var options = new BenchOptions();
using var stub = StubProcess.Start(TargetSession.EmbeddedStub(options));
var profile = BenchTarget.StubProfile(options.TimeScale, options.Seed);
var target = BenchTarget.ForStub(stub.BaseUri, options.Model, profile);
await WarmUp.EmbeddedStubAsync(target, replaysErrors: false);

using var stack = ClientStackCatalog.Open(args[0], target);
var prompts = PlannedPrompt.For(PromptMix.Batch(requests), profile);
Task Send(IReadOnlyList<PlannedPrompt> p, BatchRecorder b) => BatchStrategies.WhenAllAsync(stack.Call, p, b);
// start and end are Stopwatch timestamps: CLOCK_MONOTONIC nanoseconds on Linux, the clock of `perf record -k CLOCK_MONOTONIC`.
// The three warm-up batches (w0 to w2, the first one opening the connections) are printed too, before "ready".
using var arrayPool = new ArrayPoolAllocations();
Console.WriteLine("batch\tstart\tend\twall_ms\tcpu_ms\talloc_kb\tgcs\tgen1\tgen2\tgc_pause_ms\tjit_methods\tjit_ms\tpool_threads\tarraypool_allocs\tarraypool_kb");
var warmUp = PlannedPrompt.For(PromptMix.Batch(Math.Max(requests, 500)), profile);
for (var i = 0; i < 3; i++)
{
    await MeasureAsync($"w{i}", warmUp);
}

Console.WriteLine(string.Create(invariant, $"ready {Environment.ProcessId} requests={requests}"));
await Task.Delay(pause);
for (var i = 0; i < batches; i++)
{
    await MeasureAsync(i.ToString(invariant), prompts);
}

Console.WriteLine("done");
return 0;

async Task MeasureAsync(string label, IReadOnlyList<PlannedPrompt> batch)
{
    var cpu = Environment.CpuUsage.TotalTime;
    var pooled = arrayPool.Take();
    var before = RuntimeCounters.Take();
    var start = Stopwatch.GetTimestamp();
    await WarmUp.SendAsync(batch, Send);
    var end = Stopwatch.GetTimestamp();
    var used = RuntimeCounters.Take().Since(before);
    var (arrays, arrayBytes) = arrayPool.Take();
    var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
    var wallMs = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
    Console.WriteLine(string.Create(
        invariant,
        $"{label}\t{start}\t{end}\t{wallMs:F1}\t{cpuMs:F1}\t{used.Allocated / 1024.0:F0}\t{used.Collections}\t{used.Gen1Collections}\t{used.Gen2Collections}\t{used.Paused.TotalMilliseconds:F1}\t{used.JitMethods}\t{used.JitTime.TotalMilliseconds:F1}\t{ThreadPool.ThreadCount}\t{arrays - pooled.Count}\t{(arrayBytes - pooled.Bytes) / 1024.0:F0}"));
}

/// <summary>Counts the arrays <c>ArrayPool&lt;T&gt;.Shared</c> allocates (a rent it could not serve from the pool), from its event source.</summary>
internal sealed class ArrayPoolAllocations : System.Diagnostics.Tracing.EventListener
{
    private const int BufferAllocated = 2;
    private long count;
    private long bytes;

    public (long Count, long Bytes) Take() => (Interlocked.Read(ref count), Interlocked.Read(ref bytes));

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "System.Buffers.ArrayPoolEventSource")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == BufferAllocated && eventData.Payload is { Count: > 1 } payload && payload[1] is int size)
        {
            Interlocked.Increment(ref count);
            Interlocked.Add(ref bytes, size);
        }
    }
}
