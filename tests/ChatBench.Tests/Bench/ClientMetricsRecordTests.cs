using System.Text.Json;
using ChatBench.Benchmarks.Records;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>The client-side numbers a batch records: its process CPU time and the thread pool's peaks.</summary>
[Collection(ProcessWideState.Name)]
public sealed class ClientMetricsRecordTests
{
    [Fact]
    public void A_record_line_written_before_the_client_metrics_existed_still_reads()
    {
        const string oldLine = """{"invocation":3,"requests":[{"index":0,"promptClass":"short","startMs":0,"endMs":50,"outcome":"ok"}]}""";

        var invocation = JsonSerializer.Deserialize<InvocationRecord>(oldLine, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal(3, invocation.Invocation);
        Assert.Single(invocation.Requests);
        Assert.Null(invocation.ClientCpuMs);
        Assert.Null(invocation.PeakThreadPoolThreads);
        Assert.Null(invocation.PeakPendingWorkItems);
    }

    [Fact]
    public void A_batch_records_the_cpu_time_its_process_spent_and_the_pool_peaks_when_asked()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-client-metrics-").FullName;
        try
        {
            var log = new RecordLog(directory, "cpu");
            var wall = System.Diagnostics.Stopwatch.StartNew();
            var batch = log.Begin(1);
            batch.SampleThreadPool();

            // Computes until the process has spent 100 ms of CPU time, however long a shared machine takes to give it
            // (a fixed 100 ms of wall time got as little as 36 ms of CPU beside other builds): the batch,
            // begun before and completed after, records at least that, and at most what all cores give in its wall time.
            var cpuAtStart = Environment.CpuUsage.TotalTime;
            var x = 0.0;
            while (Environment.CpuUsage.TotalTime - cpuAtStart < TimeSpan.FromMilliseconds(100))
            {
                x = Math.Sqrt(x + 1);
            }

            batch.Add(new RequestRecord { Index = 0, PromptClass = "short", StartMs = 0, EndMs = batch.Now(), Outcome = x > 0 ? RequestOutcome.Answered : RequestOutcome.NotCompleted });
            batch.Complete();
            log.Flush();

            var invocation = Assert.Single(RecordLog.Read(directory, "cpu"));
            Assert.InRange(invocation.ClientCpuMs!.Value, 100, wall.Elapsed.TotalMilliseconds * Environment.ProcessorCount);
            Assert.True(invocation.PeakThreadPoolThreads >= 1);
            Assert.NotNull(invocation.PeakPendingWorkItems);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_batch_records_its_collections_allocation_jit_and_working_set_when_asked_and_nothing_otherwise()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-gc-metrics-").FullName;
        try
        {
            var log = new RecordLog(directory, "gc");
            var sampled = log.Begin(1);
            sampled.SampleRuntime();

            // 8 MB allocated and two forced collections, one of them full: the batch must count at least those.
            var kept = Enumerable.Range(0, 8).Select(_ => new byte[1024 * 1024]).ToList();
            GC.Collect(0);
            GC.Collect(2);
            sampled.Add(Answered(sampled, kept.Count));
            sampled.Complete();
            var plain = log.Begin(1);
            plain.Add(Answered(plain, 1));
            plain.Complete();
            log.Flush();

            var invocations = RecordLog.Read(directory, "gc");
            var gc = invocations[0];
            Assert.True(gc.Collections >= 2, $"collections {gc.Collections}");
            Assert.True(gc.Gen2Collections >= 1, $"gen2 {gc.Gen2Collections}");
            Assert.True(gc.Gen1Collections >= gc.Gen2Collections);
            Assert.True(gc.AllocatedBytes >= 8 * 1024 * 1024, $"allocated {gc.AllocatedBytes}");
            Assert.True(gc.GcPauseMs > 0);
            Assert.True(gc.WorkingSetMb > 8);
            Assert.True(gc.JitMethods >= 0 && gc.JitMs >= 0);
            Assert.Null(invocations[1].Collections);
            Assert.Null(invocations[1].WorkingSetMb);
            Assert.Null(invocations[1].JitMs);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_sampler_sees_the_queue_grow_when_blocking_work_floods_the_pool()
    {
        using var sampler = ThreadPoolSampler.Start();
        using var done = new CountdownEvent(200);

        // Far more blocking items than the pool has threads: most of them must wait in the queue for a while.
        for (var i = 0; i < 200; i++)
        {
            ThreadPool.QueueUserWorkItem(_ =>
            {
                Thread.Sleep(20);
                done.Signal();
            });
        }

        Assert.True(done.Wait(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        sampler.Dispose();

        Assert.True(sampler.PeakPendingWorkItems >= 10, $"peak queue {sampler.PeakPendingWorkItems}");
        Assert.True(sampler.PeakThreads >= 1);
    }

    private static RequestRecord Answered(BatchRecorder batch, int check) =>
        new() { Index = 0, PromptClass = "short", StartMs = 0, EndMs = batch.Now(), Outcome = check > 0 ? RequestOutcome.Answered : RequestOutcome.NotCompleted };
}
