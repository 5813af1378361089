using BenchmarkDotNet.Loggers;
using ChatBench.Benchmarks.BenchmarkDotNetOutput;
using ChatBench.Benchmarks.Progress;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A live run's progress: the counter files its benchmark processes write, read back and summed by the host, the line
/// it prints, and how that line is kept out of BenchmarkDotNet's own lines.
/// </summary>
public sealed class LiveProgressTests
{
    [Fact]
    public void Two_processes_counts_sum_into_one_line_with_the_failures_by_kind_most_frequent_first()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-progress-").FullName;
        try
        {
            using (var first = ProgressCounters.Create(directory, "101"))
            using (var second = ProgressCounters.Create(directory, "102"))
            {
                Count(first, RequestOutcome.Answered, 5);
                Count(first, RequestOutcome.HttpStatus(429), 2);
                Count(second, RequestOutcome.Answered, 3);
                Count(second, RequestOutcome.HttpStatus(429), 1);
                Count(second, RequestOutcome.HttpStatus(500), 1);
                Count(second, RequestOutcome.TimedOut, 1);
                Count(second, RequestOutcome.Cut("socket ConnectionReset"), 1);
                Count(second, RequestOutcome.Failed("socket ConnectionRefused"), 1);

                var progress = ProgressSnapshot.Read(directory);

                Assert.Equal(15, progress.Finished);
                Assert.Equal(
                    "// Live progress, 2m05s in: 15 of 40 planned requests finished, 7 failed (3 x http 429, 1 x cut, 1 x failed without a status, 1 x http 500, 1 x timeout)",
                    ProgressLine.During(progress, 40, TimeSpan.FromSeconds(125)));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Counts_added_from_many_threads_at_once_are_all_read()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-progress-").FullName;
        try
        {
            using var counters = ProgressCounters.Create(directory, "concurrent");
            Parallel.For(0, 8, worker => Count(counters, worker % 2 == 0 ? RequestOutcome.Answered : RequestOutcome.HttpStatus(429), 20_000));

            var progress = ProgressSnapshot.Read(directory);

            Assert.Equal(160_000, progress.Finished);
            Assert.Equal([("http 429", 80_000L)], progress.Failures);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_process_whose_id_came_back_adds_to_the_counts_in_its_file()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-progress-").FullName;
        try
        {
            using (var earlier = ProgressCounters.Create(directory, "4242"))
            {
                Count(earlier, RequestOutcome.Answered, 2);
            }

            using (var later = ProgressCounters.Create(directory, "4242"))
            {
                Count(later, RequestOutcome.Answered, 3);
            }

            Assert.Equal(5, ProgressSnapshot.Read(directory).Finished);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_counter_file_still_being_created_counts_nothing_and_no_folder_is_no_progress()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-progress-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(directory, "7.counts"), new byte[16]);

            Assert.Equal(ProgressSnapshot.Empty.Finished, ProgressSnapshot.Read(directory).Finished);
            Assert.Equal(0, ProgressSnapshot.Read(Path.Combine(directory, "missing")).Finished);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_last_line_says_the_run_is_done_and_a_run_without_failures_says_so()
    {
        var progress = ProgressSnapshot.Of(CountsOf((RequestOutcome.Answered, 8)));

        Assert.Equal("// Live run done in 1h02m05s: 8 of 10 planned requests finished, none failed", ProgressLine.Done(progress, 10, new TimeSpan(1, 2, 5)));
        Assert.Equal("// Live progress, 9s in: 8 of 10 planned requests finished, none failed", ProgressLine.During(progress, 10, TimeSpan.FromSeconds(9.8)));
    }

    [Fact]
    public void A_line_printed_while_BenchmarkDotNet_is_in_the_middle_of_a_row_waits_for_the_row_to_end()
    {
        var console = new AccumulationLogger();
        var logger = new LineSafeConsoleLogger(console);

        logger.WriteBetweenLines("// first");
        logger.Write(LogKind.Default, "| Method ");
        logger.WriteBetweenLines("// second");
        logger.Write(LogKind.Default, "| Mean |");
        logger.WriteLine();
        logger.WriteLine(LogKind.Default, "| WhenAll | 1.0 |");

        Assert.Equal("// first\n| Method | Mean |\n// second\n| WhenAll | 1.0 |\n", console.GetLog().ReplaceLineEndings("\n"));
    }

    private static void Count(ProgressCounters counters, RequestOutcome outcome, int times)
    {
        for (var i = 0; i < times; i++)
        {
            counters.Count(outcome);
        }
    }

    private static long[] CountsOf(params (RequestOutcome Outcome, long Count)[] counts)
    {
        var slots = new long[ProgressSlots.Count];
        foreach (var (outcome, count) in counts)
        {
            slots[ProgressSlots.Of(outcome)] += count;
        }

        return slots;
    }
}
