using System.Globalization;
using ChatBench.Stubs.Latency;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs.Protocol;

/// <summary>
/// The truth about one answered request, in response headers on every answer (headers OpenAI does not send; its
/// clients ignore them): the prompt tokens the stub counted, how many of them its prefix cache held, and the planned
/// time to first token in milliseconds. The plan depends on the cache's state when the request came, so a harness
/// reads it here rather than computing it in advance. The TTFT counts from when the stub started the answer's clock:
/// the request's arrival, or with finite capacity its admission (the queue wait is <c>x-stub-queue-ms</c>).
/// </summary>
internal static class StubPlanHeaders
{
    public const string PromptTokens = "x-stub-prompt-tokens";

    public const string CachedTokens = "x-stub-cached-tokens";

    public const string PlannedTtftMs = "x-stub-planned-ttft-ms";

    internal static void Write(HttpResponse response, ChatRequest request, ResponsePlan plan)
    {
        var headers = response.Headers;
        headers[PromptTokens] = request.PromptTokens.ToString(CultureInfo.InvariantCulture);
        headers[CachedTokens] = plan.CachedTokens.ToString(CultureInfo.InvariantCulture);
        headers[PlannedTtftMs] = plan.TimeToFirstToken.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
