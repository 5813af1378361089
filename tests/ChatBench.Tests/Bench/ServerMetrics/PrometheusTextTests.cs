using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>The text format as vLLM serves it, its corners (escapes, +Inf, timestamps), and what is not the format.</summary>
public sealed class PrometheusTextTests
{
    [Fact]
    public void Vllm_exposition_reads_every_series_with_its_type()
    {
        var metrics = PrometheusText.Parse(VllmMetricsFixture.After);

        Assert.Equal("gauge", metrics.TypeOf("vllm:num_requests_running"));
        Assert.Equal("histogram", metrics.TypeOf("vllm:time_to_first_token_seconds"));
        Assert.Equal("counter", metrics.TypeOf("vllm:request_success_total"));
        Assert.Equal(120, metrics.Sum("vllm:request_success_total"));
        Assert.Equal(108, metrics.SumBy("vllm:request_success_total", "finished_reason")["stop"]);
        Assert.Equal(2.145230848e9, metrics.Sum("process_resident_memory_bytes"));
        var ttft = metrics.Histogram("vllm:time_to_first_token_seconds")!;
        Assert.Equal(22, ttft.Buckets.Count);
        Assert.Equal(120, ttft.Count);
        Assert.Equal(8.9, ttft.Sum, 9);
        Assert.Equal((0.02, 40.0), (ttft.Buckets[3].UpperBound, ttft.Buckets[3].Count));
    }

    [Fact]
    public void Asked_for_some_series_only_their_samples_are_read()
    {
        var metrics = PrometheusText.Parse(VllmMetricsFixture.Busy, new HashSet<string> { "vllm:num_requests_running", "vllm:num_requests_waiting" });

        Assert.Equal(["vllm:num_requests_running", "vllm:num_requests_waiting"], metrics.Samples.Select(s => s.Name));
        Assert.Equal((7.0, 3.0), (metrics.Sum("vllm:num_requests_running")!.Value, metrics.Sum("vllm:num_requests_waiting")!.Value));
    }

    [Fact]
    public void Label_values_unescape_backslash_quote_and_newline()
    {
        var metrics = PrometheusText.Parse("a_metric{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",lines=\"one\\ntwo\",} 1\n");

        var labels = Assert.Single(metrics.Samples).Labels;
        Assert.Equal(@"C:\dir", labels["path"]);
        Assert.Equal("say \"hi\"", labels["quote"]);
        Assert.Equal("one\ntwo", labels["lines"]);
    }

    [Fact]
    public void Special_values_timestamps_comments_and_blank_lines_are_read()
    {
        var metrics = PrometheusText.Parse("# a free comment\n\nup 1 1733400000000\nnothing NaN\nfar +Inf\nlow -Inf\nsmall 1.5e-05\r\n");

        Assert.Equal(1, metrics.Sum("up"));
        Assert.True(double.IsNaN(metrics.Sum("nothing")!.Value));
        Assert.Equal(double.PositiveInfinity, metrics.Sum("far"));
        Assert.Equal(double.NegativeInfinity, metrics.Sum("low"));
        Assert.Equal(1.5e-05, metrics.Sum("small"));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Not Found</body></html>", "line 1")]
    [InlineData("{\"error\":{\"message\":\"Not found\"}}", "line 1")]
    [InlineData("Not Found", "is not a number")]
    [InlineData("ok 1\nm{label=\"open} 1", "line 2")]
    [InlineData("m{label=\"bad \\t escape\"} 1", "escape")]
    [InlineData("m{label=unquoted} 1", "name=\"value\"")]
    [InlineData("m{a=\"1\",a=\"2\"} 1", "twice")]
    [InlineData("# TYPE m gauges\nm 1", "unknown metric type")]
    [InlineData("# TYPE m gauge\n# TYPE m gauge\nm 1", "a second # TYPE")]
    [InlineData("m 1 12.5", "timestamp")]
    public void Text_that_is_not_the_format_names_its_line_and_fault(string text, string fault)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusText.Parse(text));

        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_histogram_without_its_inf_bucket_is_refused()
    {
        var metrics = PrometheusText.Parse("h_bucket{le=\"0.1\"} 1\nh_count 1\nh_sum 0.05\n");

        var error = Assert.Throws<FormatException>(() => metrics.Histogram("h"));
        Assert.Contains("+Inf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_series_of_several_models_add_up_bucket_by_bucket()
    {
        var metrics = PrometheusText.Parse(string.Join('\n', [
            "h_bucket{model_name=\"a\",le=\"0.1\"} 1", "h_bucket{model_name=\"a\",le=\"+Inf\"} 2",
            "h_bucket{model_name=\"b\",le=\"0.1\"} 3", "h_bucket{model_name=\"b\",le=\"+Inf\"} 3",
            "h_sum{model_name=\"a\"} 0.5", "h_sum{model_name=\"b\"} 0.2", "h_count{model_name=\"a\"} 2", "h_count{model_name=\"b\"} 3",
        ]));

        var histogram = metrics.Histogram("h")!;
        Assert.Equal(4, Assert.Single(histogram.Buckets).Count);
        Assert.Equal(5, histogram.Count);
        Assert.Equal(0.7, histogram.Sum, 9);
    }
}
