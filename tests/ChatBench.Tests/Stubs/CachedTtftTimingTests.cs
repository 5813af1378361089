using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Protocol;

namespace ChatBench.Tests.Stubs;

/// <summary>The cached turn's first token really comes sooner, by the modelled prefill of its cached tokens.</summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class CachedTtftTimingTests
{
    private static readonly (string Role, string Content)[] FirstTurn = [("system", PromptText.OfTokens(1990)), ("user", "Hi")];

    private static readonly (string Role, string Content)[] SecondTurn = [.. FirstTurn, ("assistant", "Hello! How can I help?"), ("user", "Tell me more.")];

    [Fact]
    public async Task A_cached_second_turn_streams_its_first_token_sooner_by_the_prefill_of_1920_tokens()
    {
        // 0.1 ms of prefill per token at time scale 0.5: 1,920 cached tokens save 96 ms of about 330.
        var profile = LatencyProfile.Default with { TimeScale = 0.5, Jitter = 0, InterTokenInterval = TimeSpan.FromMilliseconds(1), TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(0.1) };
        using var cached = ChatCompletionsStub.Start(new StubOptions { Profile = profile });
        using var uncached = ChatCompletionsStub.Start(new StubOptions { Profile = profile, PrefixCache = PrefixCacheOptions.Off });
        using var http = TestHttp.Client();

        // Warm both (JIT, connections); the cache-on stub then holds the first turn's prefix.
        foreach (var stub in (ChatCompletionsStub[])[cached, uncached])
        {
            await TimeFirstTokenAsync(http, stub, FirstTurn);
            await TimeFirstTokenAsync(http, stub, FirstTurn);
        }

        // Three pairs, and their median: one request held up by a loaded machine (a full test run once made one 48 ms
        // late, and the saving read 140.7 ms) moves one pair, not the median.
        var savings = new List<double>();
        for (var pair = 0; pair < 3; pair++)
        {
            var withCache = await TimeFirstTokenAsync(http, cached, SecondTurn);
            var withoutCache = await TimeFirstTokenAsync(http, uncached, SecondTurn);
            Assert.Equal(1920, withCache.CachedTokens);
            Assert.Equal(96, withoutCache.PlannedMs - withCache.PlannedMs, 3);
            savings.Add(withoutCache.MeasuredMs - withCache.MeasuredMs);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TTFT without cache {withoutCache.MeasuredMs:0.0} ms (planned {withoutCache.PlannedMs}), with {withCache.MeasuredMs:0.0} ms (planned {withCache.PlannedMs}): saved {savings[^1]:0.0} ms of 96"));
        }

        // Over 5 runs on the shared two-core machine the measured saving was 94.2-96.1 ms; each TTFT is measured within
        // the stub's few-ms floor, so the bound is 10 ms either way (10 % of the saving, the goal's tolerance).
        Assert.InRange(savings.Order().ElementAt(1), 86, 106);
    }

    private static async Task<(double MeasuredMs, double PlannedMs, int CachedTokens)> TimeFirstTokenAsync(HttpClient http, ChatCompletionsStub stub, IEnumerable<(string Role, string Content)> messages)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(stub.BaseUri + "/chat/completions"))
        {
            Content = new StringContent(PromptText.Body(messages, stream: true), Encoding.UTF8, "application/json"),
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
        double? firstToken = null;
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            if (firstToken is null && line.Contains("\"delta\":{\"content\":", StringComparison.Ordinal))
            {
                firstToken = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        var planned = double.Parse(response.Headers.GetValues(StubPlanHeaders.PlannedTtftMs).Single(), CultureInfo.InvariantCulture);
        var cachedTokens = int.Parse(response.Headers.GetValues(StubPlanHeaders.CachedTokens).Single(), CultureInfo.InvariantCulture);
        return (firstToken ?? throw new InvalidOperationException("The stream had no content token."), planned, cachedTokens);
    }
}
