using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// The largest chat request body the stub accepts: a larger one gets 413 <c>request_too_large</c> without being read
/// whole, on the fast path and before WireMock.Net buffers one.
/// </summary>
internal sealed class RequestBodyLimit(long maxBytes, ErrorWriter errors, StubStatistics statistics)
{
    /// <summary>The body, or null when it is over the limit (answer with <see cref="RejectAsync"/>).</summary>
    public Task<byte[]?> ReadAsync(HttpContext context) => RequestBodyReader.ReadAsync(context.Request, maxBytes, context.RequestAborted);

    public Task RejectAsync(HttpContext context) => errors.RejectAsync(context, OpenAIError.RequestTooLarge(maxBytes));

    /// <summary>
    /// For the WireMock pipeline, which reads the body itself: refuses a body over the limit before WireMock buffers
    /// it, and hands WireMock the bytes read. False when the request is already answered (or gone).
    /// </summary>
    public async Task<bool> BufferForWireMockAsync(HttpContext context)
    {
        try
        {
            if (await ReadAsync(context) is { } body)
            {
                context.Request.Body = new MemoryStream(body, writable: false);
                return true;
            }

            statistics.Began();
            try
            {
                await RejectAsync(context);
            }
            finally
            {
                statistics.Ended();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || context.RequestAborted.IsCancellationRequested)
        {
            statistics.Received1();
            statistics.Abandoned1();
        }

        return false;
    }
}
