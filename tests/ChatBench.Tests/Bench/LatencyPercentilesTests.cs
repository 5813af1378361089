using ChatBench.Benchmarks.Reports.Charts;

namespace ChatBench.Tests.Bench;

public sealed class LatencyPercentilesTests
{
    [Theory]
    [InlineData(50, 2.5)]
    [InlineData(90, 3.7)]
    [InlineData(0, 1)]
    [InlineData(100, 4)]
    public void Percentiles_interpolate_linearly_between_ranks(double percent, double expected)
    {
        Assert.Equal(expected, LatencyPercentiles.Percentile([1, 2, 3, 4], percent)!.Value, 9);
    }

    [Fact]
    public void No_values_have_no_percentile() => Assert.Null(LatencyPercentiles.Percentile([], 50));

    [Fact]
    public void A_summary_row_is_named_by_the_columns_before_its_metrics()
    {
        var table = ReportTable.Parse("Method,Concurrency,ttft_p50_ms,ttft_p90_ms,ttft_p99_ms\nConcurrent,10,40,45,50\n", "s-latency.csv");

        var ttft = Assert.Single(LatencyPercentiles.FromSummary(table, "ttft"));

        Assert.Equal(new LatencyPercentiles("Concurrent, Concurrency=10", 40, 45, 50), ttft);
    }

    [Fact]
    public void Failed_requests_stay_out_of_the_percentiles()
    {
        var table = ReportTable.Parse("method,ttft_ms,outcome\nA,10,ok\nA,20,ok\nA,5000,timeout\n", "s-requests.csv");

        var ttft = Assert.Single(LatencyPercentiles.FromRequests(table, "ttft"));

        Assert.Equal(19.9, ttft.P99!.Value, 6);
    }
}
