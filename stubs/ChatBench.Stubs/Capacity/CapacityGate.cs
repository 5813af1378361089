using System.Diagnostics;
using System.Globalization;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Metrics;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs.Capacity;

/// <summary>
/// Serves requests through a <see cref="CapacityModel"/>: queue for a slot, then answer on the admitted plan. Each
/// response says what the stub knows (headers in milliseconds), so a client under load can still measure its own
/// error: the queue wait, the planned time to first token and the planned service time, both from admission.
/// </summary>
internal sealed class CapacityGate(CapacityModel model, double timeScale)
{
    public const string QueueHeader = "x-stub-queue-ms";
    public const string TtftHeader = "x-stub-ttft-ms";
    public const string ServiceHeader = "x-stub-service-ms";

    private readonly SlotQueue slots = new(model.Slots);

    /// <summary>Queues <paramref name="request"/> for a slot and answers it there; <paramref name="series"/> counts the wait.</summary>
    public async Task ServeAsync(HttpContext context, ChatRequest request, ResponsePlan plan, ChatCompletionWriter writer, long arrival, ModelMetrics? series)
    {
        var queued = Stopwatch.GetTimestamp();
        series?.Queued();
        int active;
        try
        {
            active = await slots.EnterAsync(context.RequestAborted);
        }
        finally
        {
            series?.Admitted();
        }

        try
        {
            var admitted = Stopwatch.GetTimestamp();
            var served = model.Admit(plan, request.PromptTokens, active, timeScale);
            var headers = context.Response.Headers;
            headers[QueueHeader] = Milliseconds(Stopwatch.GetElapsedTime(queued, admitted));
            headers[TtftHeader] = Milliseconds(served.TimeToFirstToken);
            headers[ServiceHeader] = Milliseconds(served.Total);
            await writer.WriteAsync(context, request, served, arrival, admitted, context.Request.Headers.ContainsKey(StubTiming.RequestHeader), series);
        }
        finally
        {
            slots.Leave();
        }
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
