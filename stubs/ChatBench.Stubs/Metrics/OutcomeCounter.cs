using Prometheus;

namespace ChatBench.Stubs.Metrics;

/// <summary>
/// <c>chatbench_stub_requests_total{outcome}</c>, an extra beside vLLM's names: vLLM counts only successes (by finish
/// reason), so a client's refused and failed requests could not be checked against the server's view without it. It is
/// read from <see cref="StubStatistics"/> at each scrape, so requests pay nothing for it.
/// </summary>
internal sealed class OutcomeCounter(CollectorRegistry registry, StubStatistics statistics)
{
    public const string Name = "chatbench_stub_requests_total";

    private readonly Counter family = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter(
        Name,
        "ChatBench stub extra: chat requests by outcome (success, or why one failed: the status the stub answered, a cut stream, a client that left).",
        ["outcome"]);

    public void Publish()
    {
        Set("success", statistics.Succeeded);
        Set("bad_request", statistics.BadRequests);
        Set("unauthorized", statistics.Unauthorized);
        Set("model_not_found", statistics.UnknownModels);
        Set("too_large", statistics.TooLarge);
        Set("rate_limited", statistics.RateLimited);
        Set("server_error", statistics.ServerErrors);
        Set("cut", statistics.Cut);
        Set("abandoned", statistics.Abandoned);
    }

    private void Set(string outcome, long count) => family.WithLabels(outcome).IncTo(count);
}
