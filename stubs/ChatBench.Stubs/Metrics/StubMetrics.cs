using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace ChatBench.Stubs.Metrics;

/// <summary>
/// The stub's <c>/metrics</c>: vLLM's metric names and meanings in Prometheus text format, so a dashboard or autoscaler
/// built for vLLM reads the stub unchanged, plus <see cref="OutcomeCounter"/> and the process's CPU
/// (<see cref="ProcessCpuCounter"/>). One series set per model the stub answers for; gauges, the outcome counts and the
/// CPU time are copied in just before each scrape.
/// </summary>
internal sealed class StubMetrics
{
    public const string Path = "/metrics";

    private readonly CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly FrozenDictionary<string, ModelMetrics> models;

    public StubMetrics(IEnumerable<string> modelNames, StubStatistics statistics)
    {
        var families = new VllmMetricFamilies(registry);
        models = modelNames.Distinct(StringComparer.Ordinal).ToFrozenDictionary(m => m, m => new ModelMetrics(families, m), StringComparer.Ordinal);
        var outcomes = new OutcomeCounter(registry, statistics);
        var cpu = new ProcessCpuCounter(registry);
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var model in models.Values)
            {
                model.Publish();
            }

            outcomes.Publish();
            cpu.Publish();
        });
    }

    /// <summary>The series of <paramref name="model"/>, which the handler has checked is one the stub answers for.</summary>
    public ModelMetrics For(string model) => models[model];

    public static bool IsScrape(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(Path, StringComparison.Ordinal);

    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text, context.RequestAborted);
        var exposition = text.GetBuffer().AsMemory(0, (int)text.Length);
        VllmNamespace.Restore(exposition.Span);
        response.ContentLength = exposition.Length;
        await response.Body.WriteAsync(exposition, context.RequestAborted);
    }
}
