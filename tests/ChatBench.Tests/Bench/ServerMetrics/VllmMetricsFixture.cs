namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>
/// Two scrapes of a vLLM server in its documented text format (prometheus_client: <c>_total</c> counters with
/// <c>_created</c> gauges, histograms with vLLM's bucket bounds, labels engine and model_name), twenty requests apart:
/// 18 stopped and 2 at their length limit; TTFT 5 x 50 ms, 10 x 70 ms, 5 x 90 ms; E2E 10 x 1.2 s and 10 x 2.2 s;
/// 2,400 prompt and 4,000 generated tokens. The earlier 100 requests had other latencies, so a figure read from one
/// scrape alone comes out wrong. <c>vllm-busy.prom</c> is the second scrape with 7 running and 3 waiting.
/// </summary>
internal static class VllmMetricsFixture
{
    public static string Before => Read("vllm-before.prom");

    public static string After => Read("vllm-after.prom");

    public static string Busy => Read("vllm-busy.prom");

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "ServerMetrics", name));
}
