using Prometheus;

namespace ChatBench.Stubs.Metrics;

/// <summary>
/// <c>process_cpu_seconds_total</c>, the standard process collector's counter, which vLLM's Python client exports too:
/// the stub's own CPU time, read just before each scrape, so a client can see what its requests cost
/// the server it shares the machine with.
/// </summary>
internal sealed class ProcessCpuCounter(CollectorRegistry registry)
{
    public const string Name = "process_cpu_seconds_total";

    private readonly Counter cpu = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter(Name, "Total user and system CPU time spent in seconds.");

    public void Publish() => cpu.IncTo(Environment.CpuUsage.TotalTime.TotalSeconds);
}
