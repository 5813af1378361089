using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Metrics;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Sends a planned answer: a replayed provider's failure when the plan holds one, else the answer, written at once or,
/// when the stub has finite capacity, after its turn in the <see cref="CapacityGate"/>'s queue.
/// </summary>
internal sealed class PlannedAnswer(ChatCompletionWriter writer, CapacityGate? capacityGate, ErrorWriter errors, StubStatistics statistics)
{
    /// <summary>Sends the answer; <paramref name="series"/> is the model's metrics, looked up once by the handler.</summary>
    // Not async: the common path hands back the writer's own task, without a state machine of its own.
    public Task SendAsync(HttpContext context, ChatRequest request, ResponsePlan plan, long start, ModelMetrics? series) =>
        plan.Fault is { } fault ? ReplayFaultAsync(context, request, plan, fault, start, series) : AnswerAsync(context, request, plan, start, series);

    private Task AnswerAsync(HttpContext context, ChatRequest request, ResponsePlan plan, long start, ModelMetrics? series) => capacityGate is null
        ? writer.WriteAsync(context, request, plan, start, start, context.Request.Headers.ContainsKey(StubTiming.RequestHeader), series)
        : capacityGate.ServeAsync(context, request, plan, writer, start, series);

    private async Task ReplayFaultAsync(HttpContext context, ChatRequest request, ResponsePlan plan, ReplayedFault fault, long start, ModelMetrics? series)
    {
        if (!await ReplayedFaults.AnswerAsync(context, request.Stream, fault, plan, start, errors, statistics))
        {
            // A cut stream: the writer sends its first events and cuts it itself.
            await AnswerAsync(context, request, plan, start, series);
        }
    }
}
