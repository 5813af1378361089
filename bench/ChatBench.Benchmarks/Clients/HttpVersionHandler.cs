namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// Sends every request with one HTTP version, exactly. The OpenAI SDK's transport builds its requests itself (as
/// HTTP/1.1) and has no version setting, so this is how an SDK client speaks HTTP/2: its <see cref="HttpClient"/> gets
/// this handler. Exact, so that a server without HTTP/2 fails the request instead of measuring the wrong protocol.
/// </summary>
public sealed class HttpVersionHandler(Version version, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Version = version;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return base.SendAsync(request, cancellationToken);
    }
}
