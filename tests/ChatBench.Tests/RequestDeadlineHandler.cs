namespace ChatBench.Tests;

/// <summary>
/// Gives each request a deadline for its answer's headers and, when it passes, fails the request with an error that
/// names it, where a plain timeout would only say that something was cancelled.
/// </summary>
internal sealed class RequestDeadlineHandler(TimeSpan deadline) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return await base.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri} got no answer within {deadline.TotalSeconds:0.###} s", e);
        }
    }
}
