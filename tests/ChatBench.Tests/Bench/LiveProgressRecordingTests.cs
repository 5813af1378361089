using ChatBench.Benchmarks.Progress;
using ChatBench.Benchmarks.Records;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>
/// What a benchmark process counts for a live run's progress: each request once, when its record is added, and a
/// request never heard back from when its batch completes. The process's counters are process-wide, so nothing runs beside.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class LiveProgressRecordingTests
{
    [Fact]
    public void Each_request_of_a_batch_counts_once_by_its_outcome_even_when_its_record_is_added_to()
    {
        var records = Directory.CreateTempSubdirectory("chatbench-progress-records-").FullName;
        try
        {
            var progress = ProgressCounters.DirectoryIn(records);
            ProgressCounters.CountIn(progress);
            var batch = new RecordLog(records, "case").Begin(requests: 3);

            batch.Add(Record(0, RequestOutcome.Answered));
            batch.Add(Record(1, RequestOutcome.HttpStatus(429)));
            batch.Add(batch[0]! with { OutputTokens = 12 });
            var beforeComplete = ProgressSnapshot.Read(progress);
            batch.Complete(failuresAreTheResult: true);
            var afterComplete = ProgressSnapshot.Read(progress);

            Assert.Equal((2L, 1L), (beforeComplete.Finished, beforeComplete.Failed));
            Assert.Equal(3, afterComplete.Finished);
            Assert.Equal([("failed without a status", 1L), ("http 429", 1L)], afterComplete.Failures);
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    private static RequestRecord Record(int index, RequestOutcome outcome) =>
        new() { Index = index, PromptClass = "short", StartMs = 0, EndMs = 1, Outcome = outcome };
}
