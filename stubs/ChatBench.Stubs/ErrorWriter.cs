using System.Globalization;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Answers a chat request with an OpenAI error and counts it. A 429 says how long to wait, in <c>Retry-After</c>
/// (whole seconds) and <c>retry-after-ms</c>, as OpenAI's does; both are formatted once, not per request.
/// </summary>
internal sealed class ErrorWriter
{
    private readonly StubStatistics statistics;
    private readonly string retryAfterSeconds;
    private readonly string retryAfterMilliseconds;

    public ErrorWriter(TimeSpan retryAfter, StubStatistics statistics)
    {
        this.statistics = statistics;
        retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        retryAfterMilliseconds = Math.Max(0, (long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
    }

    public Task RejectAsync(HttpContext context, OpenAIError error)
    {
        if (error.Status == 429)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds;
            context.Response.Headers["retry-after-ms"] = retryAfterMilliseconds;
        }

        statistics.Rejected(error.Status);
        return WriteAsync(context, error);
    }

    /// <summary>Whatever failed, the client gets OpenAI's 500, never the exception's text.</summary>
    public async Task FailAsync(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            // Half an answer cannot become an error any more: cut it, as a server that crashed mid-stream would.
            statistics.Rejected(500);
            context.Abort();
            return;
        }

        context.Response.Clear();
        try
        {
            await RejectAsync(context, OpenAIError.ServerError());
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            statistics.Abandoned1();
        }
    }

    private static async Task WriteAsync(HttpContext context, OpenAIError error)
    {
        var json = error.ToJsonBytes();
        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted);
    }
}
