using System.Diagnostics;
using System.Net.Http.Headers;

namespace ChatBench.Benchmarks.ServerMetrics;

/// <summary>
/// Reads a target's <c>/metrics</c>. It lives at the root of the target's origin, not under its API path (vLLM serves
/// <c>/v1/chat/completions</c> and <c>/metrics</c>), so the URL is the base URL's scheme, host and port with
/// <c>/metrics</c>. The API key goes with a request only when its URL has the target's origin, and redirects are not
/// followed: the key never reaches another host.
/// </summary>
public sealed class ServerMetricsScraper : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient http;
    private readonly Uri target;
    private readonly string apiKey;

    public ServerMetricsScraper(Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        target = baseUrl;
        this.apiKey = apiKey;
        Url = MetricsUrl(baseUrl);
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout };
    }

    /// <summary>Where the metrics are read.</summary>
    public Uri Url { get; }

    /// <summary>The <c>/metrics</c> URL at the root of <paramref name="baseUrl"/>'s origin.</summary>
    public static Uri MetricsUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(new Uri(baseUrl.GetLeftPart(UriPartial.Authority)), "/metrics");
    }

    /// <summary>Whether <paramref name="url"/> has the scheme, host and port of <paramref name="target"/>: the only place the key may go.</summary>
    public static bool SameOrigin(Uri url, Uri target)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(target);
        return Uri.Compare(url, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>Scrapes the target once.</summary>
    /// <exception cref="ServerMetricsUnavailableException">The target serves no metrics this harness reads, with the reason.</exception>
    public async Task<ServerSnapshot> ScrapeAsync(CancellationToken cancellation = default)
    {
        var exposition = await FetchAsync(null, cancellation);
        var names = ServerMetricNames.Of(exposition) ?? throw new ServerMetricsUnavailableException($"{Url} has no vLLM or SGLang time-to-first-token histogram");
        try
        {
            return ServerSnapshot.Read(exposition, names, Stopwatch.GetTimestamp());
        }
        catch (FormatException e)
        {
            throw new ServerMetricsUnavailableException($"{Url}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The server's running and waiting requests, read from its <paramref name="names"/> alone: the rest of the
    /// exposition (hundreds of histogram lines) is not parsed, so a scrape every second stays cheap.
    /// </summary>
    /// <exception cref="ServerMetricsUnavailableException">The target did not answer with Prometheus text.</exception>
    public async Task<(double Running, double Waiting)> ScrapeLoadAsync(ServerMetricNames names, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var exposition = await FetchAsync(new HashSet<string>(StringComparer.Ordinal) { names.Running, names.Waiting }, cancellation);
        return (exposition.Sum(names.Running) ?? 0, exposition.Sum(names.Waiting) ?? 0);
    }

    /// <summary>The scrape, or the one-line reason the target's metrics cannot be read.</summary>
    public async Task<(ServerSnapshot? Snapshot, string? Reason)> TryScrapeAsync(CancellationToken cancellation = default)
    {
        try
        {
            return (await ScrapeAsync(cancellation), null);
        }
        catch (ServerMetricsUnavailableException e)
        {
            return (null, e.Message);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<PrometheusExposition> FetchAsync(IReadOnlySet<string>? series, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        if (SameOrigin(request.RequestUri!, target))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                throw new ServerMetricsUnavailableException($"{Url} answered {(int)response.StatusCode}");
            }

            return PrometheusText.Parse(await response.Content.ReadAsStringAsync(cancellation), series);
        }
        catch (FormatException e)
        {
            throw new ServerMetricsUnavailableException($"{Url} is not Prometheus text ({e.Message})", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            throw new ServerMetricsUnavailableException($"{Url} did not answer ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }
}
