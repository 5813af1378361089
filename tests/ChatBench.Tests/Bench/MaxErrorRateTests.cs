using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>--max-error-rate: within it a batch's failures are counted per kind; above it the benchmark fails as before.</summary>
public sealed class MaxErrorRateTests
{
    [Fact]
    public void A_batch_within_the_rate_is_recorded_with_its_failures_and_one_above_it_fails()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-records-").FullName;
        var log = new RecordLog(directory, "case");

        Fill(log.Begin(20, 0.05), failures: 1).Complete();
        var error = Assert.Throws<InvalidOperationException>(() => Fill(log.Begin(20, 0.05), failures: 2).Complete());
        log.Flush();

        Assert.Contains("2 of 20 requests failed (2 x http 503)", error.Message, StringComparison.Ordinal);
        var recorded = RecordLog.Read(directory, "case");
        Assert.Equal(2, recorded.Count);
        Assert.Equal(1, recorded[0].Requests.Count(r => r.Outcome == RequestOutcome.HttpStatus(503)));
    }

    [Fact]
    public void The_default_is_zero_on_the_stub_and_two_percent_live_and_an_explicit_value_wins()
    {
        Assert.True(BenchCommandLine.TryParse([], out var stub, out _));
        Assert.True(BenchCommandLine.TryParse(["--target", "live"], out var live, out _));
        Assert.True(BenchCommandLine.TryParse(["--target", "live", "--max-error-rate", "0"], out var strict, out _));

        Assert.Equal(0, stub.MaxErrorRate);
        Assert.Equal(BenchOptions.DefaultLiveMaxErrorRate, live.MaxErrorRate);
        Assert.Equal(0, strict.MaxErrorRate);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("some")]
    public void A_rate_outside_zero_to_one_is_a_one_line_error(string value)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(ExitCodes.BadArguments, BenchRunner.Run(["--max-error-rate", value], output, errors));
        Assert.Equal($"error: option --max-error-rate needs a number from 0 to 1, got '{value}'.", errors.ToString().Trim());
    }

    private static BatchRecorder Fill(BatchRecorder batch, int failures)
    {
        for (var i = 0; i < 20; i++)
        {
            batch.Add(new RequestRecord { Index = i, PromptClass = "short", StartMs = 0, EndMs = 10, Outcome = i < failures ? RequestOutcome.HttpStatus(503) : RequestOutcome.Answered });
        }

        return batch;
    }
}
