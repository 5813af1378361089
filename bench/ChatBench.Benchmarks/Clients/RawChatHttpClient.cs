using System.Net.Http.Headers;
using System.Text.Json;
using ChatBench.Benchmarks.Targets;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// The least a client can do: one shared <see cref="HttpClient"/> posting the OpenAI JSON of <see cref="ChatRequestJson"/>
/// and reading back only the content, the usage and the finish reason. It is the baseline the SDK and the
/// Microsoft.Extensions.AI abstraction are measured against. <see cref="HttpVersion"/> 2.0 asks for h2c with prior
/// knowledge (no upgrade, no TLS), which only an HTTP/2-only endpoint answers.
/// </summary>
public sealed class RawChatHttpClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Uri completions;
    private readonly string model;
    private readonly AuthenticationHeaderValue authorization;

    public RawChatHttpClient(BenchTarget target, Version? httpVersion = null, TimeSpan? timeout = null)
        : this(target, observer: null, httpVersion, timeout)
    {
    }

    /// <summary>A client whose requests pass through <paramref name="observer"/> (an instrument, such as a timing handler) before the connection.</summary>
    public RawChatHttpClient(BenchTarget target, DelegatingHandler? observer, Version? httpVersion = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        HttpVersion = httpVersion ?? System.Net.HttpVersion.Version11;
        HttpMessageHandler connections = new SocketsHttpHandler
        {
            // Like the SDK's transport: no connection limit, so every in-flight request has its own HTTP/1.1 connection.
            // Over HTTP/2 one connection carries at most the server's stream limit (100 on Kestrel); more connections
            // are opened beyond it instead of queueing the requests.
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        if (observer is not null)
        {
            observer.InnerHandler = connections;
            connections = observer;
        }

        http = new HttpClient(connections)
        {
            Timeout = timeout ?? ChatClientFactory.DefaultNetworkTimeout,
        };
        completions = new Uri(target.BaseUrl.ToString().TrimEnd('/') + "/chat/completions");
        model = target.Model;
        authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
    }

    public Version HttpVersion { get; }

    /// <summary>One non-streaming completion; a non-success status throws <see cref="HttpRequestException"/> with it.</summary>
    public async Task<RawChatCompletion> CompleteAsync(string prompt, long? seed, CancellationToken cancellationToken = default)
    {
        using var request = Request(prompt, seed, stream: false);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
        return RawChatCompletion.Parse(json.RootElement);
    }

    /// <summary>
    /// One streaming completion (see <see cref="ChatStreamReader"/>): <paramref name="onContent"/> gets each non-empty
    /// content delta as it arrives; the result has the whole text, the usage and the finish reason.
    /// </summary>
    public async Task<RawChatCompletion> StreamAsync(string prompt, long? seed, Action<string>? onContent = null, CancellationToken cancellationToken = default)
    {
        using var request = Request(prompt, seed, stream: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await ChatStreamReader.ReadAsync(body, onContent, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();

    private HttpRequestMessage Request(string prompt, long? seed, bool stream)
    {
        var content = new ReadOnlyMemoryContent(ChatRequestJson.Write(model, prompt, seed, stream));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Exact: an HTTP/2 request must fail rather than quietly fall back to HTTP/1.1 and measure the wrong protocol.
        return new HttpRequestMessage(HttpMethod.Post, completions)
        {
            Version = HttpVersion,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
            Headers = { Authorization = authorization },
        };
    }

    private static void EnsureSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The server answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
