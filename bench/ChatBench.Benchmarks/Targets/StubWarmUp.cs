using System.Net;
using System.Text;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Targets;

/// <summary>
/// Brings a freshly started stub to its steady cost before anything is measured: its first few thousand requests run
/// tiered-JIT code that costs several times more CPU (measured: about 500 us a request, then 60-100 us), which would
/// otherwise land on whichever benchmark happens to run first.
/// </summary>
public static class StubWarmUp
{
    public const int Rounds = 4;
    public const int RequestsPerRound = 500;

    /// <param name="replaysErrors">The stub replays recorded errors: a failed warm-up request is expected, not a broken stub.</param>
    public static async Task RunAsync(Uri baseUri, bool replaysErrors = false)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var url = new Uri(baseUri + "/chat/completions");
        for (var round = 0; round < Rounds; round++)
        {
            var requests = Enumerable.Range(0, RequestsPerRound).Select(i => replaysErrors ? TolerantAsync(http, url, i) : SendAsync(http, url, stream: i % 5 == 0, seed: i));
            var statuses = await Task.WhenAll(requests);
            if (statuses.FirstOrDefault(s => s != HttpStatusCode.OK) is var failed && failed != default)
            {
                throw new InvalidOperationException($"The embedded stub answered {(int)failed} while warming up.");
            }
        }
    }

    private static async Task<HttpStatusCode> TolerantAsync(HttpClient http, Uri url, int seed)
    {
        try
        {
            await SendAsync(http, url, stream: seed % 5 == 0, seed);
        }
        catch (HttpRequestException)
        {
            // A replayed timeout or cut stream.
        }

        return HttpStatusCode.OK;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, Uri url, bool stream, int seed)
    {
        var body = $$"""{"model":"gpt-4o","stream":{{(stream ? "true" : "false")}},"seed":{{seed}},"messages":[{"role":"user","content":"{{DefaultPromptRules.ShortQuestion}}"}]}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content);
        await response.Content.CopyToAsync(Stream.Null);
        return response.StatusCode;
    }
}
