using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ChatBench.Tests.Bench.ServerMetrics;

/// <summary>A real loopback HTTP server standing in for an inference server's <c>/metrics</c>, logging what it was sent.</summary>
internal sealed class MetricsServer : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });

    public Uri Root => new(server.Url!);

    /// <summary>The API base URL a client is given: under <c>/v1</c>, as vLLM's is.</summary>
    public Uri ApiBase => new($"{server.Url}/v1");

    /// <summary>The requests it received: path and Authorization header (null when none was sent).</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Received => server.LogEntries
        .Select(e => e.RequestMessage)
        .OfType<WireMock.IRequestMessage>()
        .Select(r => (r.Path, r.Headers is { } headers && headers.TryGetValue("Authorization", out var value) ? value?.ToString() : null))
        .ToList();

    /// <summary>Answers every <c>/metrics</c> request with <paramref name="body"/> from now on.</summary>
    public MetricsServer Serving(string body, int status = 200, string contentType = "text/plain; version=0.0.4; charset=utf-8")
    {
        server.ResetMappings();
        server.Given(Request.Create().WithPath("/metrics").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
        return this;
    }

    /// <summary>
    /// Answers <c>/metrics</c> with each body in turn, one request each. After the last, WireMock's scenario ends and
    /// starts over at the first: give as many bodies as the test makes requests.
    /// </summary>
    public MetricsServer ServingInTurn(params string[] bodies)
    {
        server.ResetMappings();
        for (var i = 0; i < bodies.Length; i++)
        {
            var mapping = server.Given(Request.Create().WithPath("/metrics").UsingGet()).InScenario("turns");
            mapping = i == 0 ? mapping : mapping.WhenStateIs($"after {i}");
            if (i < bodies.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after {i + 1}");
            }

            mapping.RespondWith(Response.Create().WithHeader("Content-Type", "text/plain; version=0.0.4").WithBody(bodies[i]));
        }

        return this;
    }

    /// <summary>Answers <c>/metrics</c> with a redirect to <paramref name="location"/>.</summary>
    public MetricsServer Redirecting(Uri location)
    {
        server.ResetMappings();
        server.Given(Request.Create().WithPath("/metrics").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location.ToString()));
        return this;
    }

    public void Dispose() => server.Stop();
}
