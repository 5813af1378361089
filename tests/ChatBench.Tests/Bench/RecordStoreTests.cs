using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

public sealed class RecordStoreTests
{
    [Fact]
    public void Only_the_invocations_of_measured_iterations_are_kept()
    {
        Measurement[] measurements =
        [
            new(1, IterationMode.Overhead, IterationStage.Actual, 1, 1, 10),
            new(1, IterationMode.Workload, IterationStage.Warmup, 1, 1, 600e6),
            new(1, IterationMode.Workload, IterationStage.Actual, 1, 1, 300e6),
            new(1, IterationMode.Workload, IterationStage.Actual, 2, 1, 310e6),
        ];

        // Invocation 3 is a diagnoser's extra run after the measurements: it has no measurement and must be dropped.
        var invocations = Enumerable.Range(0, 4).Select(i => new InvocationRecord(i, [])).ToList();

        var measured = RecordStore.Match(measurements, invocations);

        Assert.Equal([1, 2], measured.Select(i => i.Invocation));
    }

    [Fact]
    public void Records_cannot_be_matched_when_an_iteration_made_several_invocations()
    {
        Measurement[] measurements = [new(1, IterationMode.Workload, IterationStage.Actual, 1, 16, 300e6)];

        Assert.Throws<InvalidOperationException>(() => RecordStore.Match(measurements, [new InvocationRecord(0, [])]));
    }

    [Fact]
    public void A_written_invocation_is_read_back_with_every_field()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-records-").FullName;
        try
        {
            var log = new RecordLog(directory, "Case.Method(N=1)");
            var batch = log.Begin(1);
            batch.Add(new RequestRecord { Index = 0, PromptClass = "short", StartMs = 1, FirstTokenMs = 2, EndMs = 3, Outcome = RequestOutcome.Answered, OutputTokens = 6, ExpectedTotalMs = 2.5 });
            batch.Complete();
            log.Flush();

            var read = RecordLog.Read(directory, "Case.Method(N=1)").Single();

            Assert.Equal(0, read.Invocation);
            var request = Assert.Single(read.Requests);
            Assert.Equal((1.0, 2.0, 3.0, 6, 2.5), (request.StartMs, request.FirstTokenMs!.Value, request.EndMs, request.OutputTokens!.Value, request.ExpectedTotalMs!.Value));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_failed_request_fails_the_batch_and_is_written_at_once()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-records-").FullName;
        try
        {
            var log = new RecordLog(directory, "Case.Failing()");
            var batch = log.Begin(2);
            batch.Add(new RequestRecord { Index = 0, PromptClass = "short", StartMs = 0, EndMs = 1, Outcome = RequestOutcome.Answered });
            batch.Add(new RequestRecord { Index = 1, PromptClass = "short", StartMs = 0, EndMs = 1, Outcome = RequestOutcome.HttpStatus(500) });

            var error = Assert.Throws<InvalidOperationException>(batch.Complete);

            Assert.Contains("1 x http 500", error.Message, StringComparison.Ordinal);
            Assert.Equal(RequestOutcome.HttpStatus(500), RecordLog.Read(directory, "Case.Failing()").Single().Requests[1].Outcome);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
