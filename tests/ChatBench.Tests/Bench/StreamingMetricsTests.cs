using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>The latency metrics follow the GenAI-Perf/AIPerf definitions, checked on hand-built timelines.</summary>
public sealed class StreamingMetricsTests
{
    [Fact]
    public void Ttft_itl_and_e2e_of_a_stream_match_the_hand_computed_values()
    {
        // Sent at 10 ms, first content at 60 ms, last content at 150 ms, 10 tokens: ITL = (140 - 50) / 9 = 10 ms.
        var latency = RequestLatency.Of(Stream(start: 10, first: 60, last: 150, end: 152, tokens: 10, expectedTtft: 45, expectedTotal: 130))!;

        Assert.Equal(50, latency.Ttft);
        Assert.Equal(140, latency.E2E);
        Assert.Equal(142, latency.StreamEnd);
        Assert.Equal(10, latency.Itl!.Value, 9);
        Assert.Equal(5, latency.TtftError);
        Assert.Equal(10, latency.E2EError);

        // Planned ITL: (130 - 45) / 9; measured 10.
        Assert.Equal(10 - (85.0 / 9), latency.ItlError!.Value, 9);
    }

    [Fact]
    public void A_one_token_answer_has_a_ttft_but_no_itl()
    {
        var latency = RequestLatency.Of(Stream(start: 0, first: 40, last: 40, end: 41, tokens: 1))!;

        Assert.Equal(40, latency.Ttft);
        Assert.Equal(40, latency.E2E);
        Assert.Null(latency.Itl);
    }

    [Fact]
    public void A_failed_request_has_no_latency_and_counts_only_as_an_error()
    {
        var failed = Stream(start: 0, first: 5, last: 6, end: 7, tokens: 2) with { Outcome = RequestOutcome.HttpStatus(500) };
        var cut = Stream(start: 0, first: 5, last: 6, end: 7, tokens: null) with { Outcome = RequestOutcome.Cut("HttpIOException") };
        var ok = Stream(start: 0, first: 100, last: 190, end: 191, tokens: 10);

        var latency = CaseLatency.Of([new InvocationRecord(0, [At(ok, 0), At(failed, 1), At(cut, 2)])]);

        Assert.Null(RequestLatency.Of(failed));
        Assert.Equal((3, 1, 2), (latency.Requests, latency.Succeeded, latency.Failed));
        Assert.Equal("1 x HttpIOException; 1 x http 500", latency.ErrorSummary);
        Assert.Equal(1, latency.Ttft!.Count);
        Assert.Equal(100, latency.Ttft.P50);

        static RequestRecord At(RequestRecord r, int index) => r with { Index = index };
    }

    [Fact]
    public void A_non_streaming_request_has_an_e2e_and_no_ttft()
    {
        var record = new RequestRecord { Index = 0, PromptClass = "short", StartMs = 5, LastTokenMs = 55, EndMs = 55, OutputTokens = 6, Outcome = RequestOutcome.Answered };

        var latency = RequestLatency.Of(record)!;

        Assert.Null(latency.Ttft);
        Assert.Null(latency.Itl);
        Assert.Equal(50, latency.E2E);
    }

    [Fact]
    public void Percentiles_interpolate_linearly_between_closest_ranks()
    {
        double[] sorted = [10, 20, 30, 40];

        // Rank p/100 * (n - 1): p50 -> 1.5 -> 25; p90 -> 2.7 -> 37; p99 -> 2.97 -> 39.7.
        Assert.Equal(25, Distribution.Quantile(sorted, 0.50), 9);
        Assert.Equal(37, Distribution.Quantile(sorted, 0.90), 9);
        Assert.Equal(39.7, Distribution.Quantile(sorted, 0.99), 9);
        Assert.Equal(10, Distribution.Quantile(sorted, 0));
        Assert.Equal(40, Distribution.Quantile(sorted, 1));

        var distribution = Distribution.Of([40, 10, 30, 20])!;
        Assert.Equal((4, 25.0, 40.0), (distribution.Count, distribution.Mean, distribution.Max));
    }

    [Fact]
    public void Throughput_divides_by_each_batch_duration_not_by_the_pauses_between_batches()
    {
        // Two batches, each 0-200 ms with two requests of 10 tokens; 1,000 ms apart in real life, which must not count.
        var batch = new InvocationRecord(0, [Stream(0, 50, 200, 200, 10), Stream(0, 40, 100, 100, 10) with { Index = 1 }]);

        var latency = CaseLatency.Of([batch, batch with { Invocation = 1 }]);

        Assert.Equal(4 / 0.4, latency.RequestsPerSecond, 9);
        Assert.Equal(40 / 0.4, latency.OutputTokensPerSecond, 9);
    }

    private static RequestRecord Stream(double start, double first, double last, double end, int? tokens, double? expectedTtft = null, double? expectedTotal = null) => new()
    {
        Index = 0,
        PromptClass = "long",
        StartMs = start,
        FirstTokenMs = first,
        LastTokenMs = last,
        EndMs = end,
        OutputTokens = tokens,
        Outcome = RequestOutcome.Answered,
        ExpectedTtftMs = expectedTtft,
        ExpectedTotalMs = expectedTotal,
    };
}
