using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBench.Stubs;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Protocol;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// The stub's prompt caching over real sockets: <c>cached_tokens</c> in usage for the official SDK, streamed or not,
/// the truth headers, the prefill left out of the time to first token, and the same answers through WireMock.
/// </summary>
public sealed class PromptCachingStubTests
{
    private const int PrefillMsPerToken = 1;

    // The first turn is 2,000 prompt tokens: 1,990 of system prompt, "Hi" (1 token) and the chat overhead (9).
    private static readonly string System = PromptText.OfTokens(1990);

    private static readonly (string Role, string Content)[] FirstTurn = [("system", System), ("user", "Hi")];

    private static readonly (string Role, string Content)[] SecondTurn = [.. FirstTurn, ("assistant", "Hello! How can I help?"), ("user", "Tell me more.")];

    [Fact]
    public async Task A_second_turn_sharing_a_2000_token_prefix_reports_1920_cached_tokens_to_the_sdk()
    {
        Assert.Equal(2000, PromptText.Tokens(FirstTurn));
        using var stub = Start();
        var client = StubClient.For(stub);
        var cancellation = TestContext.Current.CancellationToken;

        ChatCompletion first = await client.CompleteChatAsync(Messages(FirstTurn), cancellationToken: cancellation);
        ChatCompletion second = await client.CompleteChatAsync(Messages(SecondTurn), cancellationToken: cancellation);
        ChatTokenUsage? streamed = null;
        await foreach (var update in client.CompleteChatStreamingAsync(Messages(SecondTurn), cancellationToken: cancellation))
        {
            streamed = update.Usage ?? streamed;
        }

        Assert.Equal(0, first.Usage.InputTokenDetails.CachedTokenCount);
        Assert.Equal(1920, second.Usage.InputTokenDetails.CachedTokenCount);
        Assert.Equal(PromptText.Tokens(SecondTurn), second.Usage.InputTokenCount);

        // The stream's own prompt is the second turn again: now cached up to its last whole block.
        Assert.NotNull(streamed);
        Assert.Equal(second.Usage.InputTokenCount / 128 * 128, streamed.InputTokenDetails.CachedTokenCount);
        Assert.Equal(2, stub.Statistics.CacheHits);
        Assert.Equal(1920 + streamed.InputTokenDetails.CachedTokenCount, stub.Statistics.CachedTokens);
        Assert.Equal(2000 + (2 * second.Usage.InputTokenCount), stub.Statistics.PromptTokens);
    }

    [Fact]
    public async Task The_planned_ttft_of_a_cached_turn_leaves_out_the_prefill_of_its_cached_tokens()
    {
        using var stub = Start();
        using var http = TestHttp.Client();

        var first = await SendAsync(http, stub, FirstTurn);
        var second = await SendAsync(http, stub, SecondTurn);

        var promptTokens = PromptText.Tokens(SecondTurn);
        Assert.Equal((2000, 0), (first.PromptTokens, first.CachedTokens));
        Assert.Equal((promptTokens, 1920), (second.PromptTokens, second.CachedTokens));
        var uncachedPlan = stub.Expect("Tell me more.", promptTokens: promptTokens);
        var cachedPlan = stub.Expect("Tell me more.", promptTokens: promptTokens, cachedTokens: 1920);
        Assert.Equal(cachedPlan.TimeToFirstToken.TotalMilliseconds, second.PlannedTtftMs, 3);

        // Jitter is off: the saving is exactly the prefill of 1,920 tokens at the time scale.
        var saving = uncachedPlan.TimeToFirstToken - cachedPlan.TimeToFirstToken;
        Assert.Equal(1920 * PrefillMsPerToken * stub.Profile.TimeScale, saving.TotalMilliseconds, 6);
        Assert.Equal(stub.Expect("Hi", promptTokens: 2000).TimeToFirstToken.TotalMilliseconds, first.PlannedTtftMs, 3);
    }

    [Fact]
    public async Task A_changed_system_prompt_shares_only_the_blocks_before_the_change()
    {
        using var stub = Start();
        using var http = TestHttp.Client();
        (string, string)[] changed = [("system", PromptText.OfTokens(1100) + " changed" + PromptText.OfTokens(884, offset: 5)), ("user", "Hi")];

        await SendAsync(http, stub, FirstTurn);
        var answer = await SendAsync(http, stub, changed);

        // The change is token 1,104 (three tokens of overhead first): blocks 0 to 7, 1,024 tokens, come before it.
        Assert.Equal(1024, answer.CachedTokens);
    }

    [Fact]
    public async Task With_the_cache_off_nothing_is_cached_and_prefill_covers_the_whole_prompt()
    {
        using var stub = Start(PrefixCacheOptions.Off);
        using var http = TestHttp.Client();

        await SendAsync(http, stub, FirstTurn);
        var second = await SendAsync(http, stub, SecondTurn);

        Assert.Equal(0, second.CachedTokens);
        Assert.Equal(stub.Expect("Tell me more.", promptTokens: second.PromptTokens).TimeToFirstToken.TotalMilliseconds, second.PlannedTtftMs, 3);
        Assert.Equal(0, stub.Statistics.CacheHits);
    }

    [Fact]
    public async Task A_small_cache_evicts_the_least_recently_used_conversation()
    {
        // Room for 20 blocks: one 2,000-token conversation (15 blocks) fits, two do not.
        using var stub = Start(new PrefixCacheOptions { CapacityTokens = 20 * 128 });
        using var http = TestHttp.Client();
        (string, string)[] other = [("system", PromptText.OfTokens(1985, offset: 1)), ("user", "Hi")];

        await SendAsync(http, stub, FirstTurn);
        await SendAsync(http, stub, other);
        var evicted = await SendAsync(http, stub, FirstTurn);
        var kept = await SendAsync(http, stub, FirstTurn);

        Assert.Equal(0, evicted.CachedTokens);
        Assert.Equal(1920, kept.CachedTokens);
    }

    [Fact]
    public async Task A_prefix_unused_for_its_time_to_live_is_no_longer_cached()
    {
        using var stub = Start(new PrefixCacheOptions { TimeToLive = TimeSpan.FromMilliseconds(150) });
        using var http = TestHttp.Client();

        await SendAsync(http, stub, FirstTurn);
        var soon = await SendAsync(http, stub, FirstTurn);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        var late = await SendAsync(http, stub, FirstTurn);

        // A request here takes about 20 ms, well inside the 150 ms; the pause is twice the time to live.
        Assert.Equal(1920, soon.CachedTokens);
        Assert.Equal(0, late.CachedTokens);
    }

    [Fact]
    public async Task A_prompt_under_1024_tokens_never_reports_cached_tokens()
    {
        using var stub = Start();
        using var http = TestHttp.Client();
        (string, string)[] shortPrompt = [("system", PromptText.OfTokens(1000)), ("user", "Hi")];

        await SendAsync(http, stub, shortPrompt);
        var again = await SendAsync(http, stub, shortPrompt);

        Assert.Equal(0, again.CachedTokens);
        Assert.Equal(0, stub.Statistics.CacheHits);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_wiremock_pipeline_reports_the_same_usage_and_headers_as_the_fast_path(bool stream)
    {
        using var fast = Start();
        using var wireMock = Start(pipeline: StubPipeline.WireMockMapping);
        using var http = TestHttp.Client();

        var answers = new List<Answer>();
        foreach (var stub in (ChatCompletionsStub[])[fast, wireMock])
        {
            await SendAsync(http, stub, FirstTurn, stream);
            answers.Add(await SendAsync(http, stub, SecondTurn, stream));
        }

        Assert.Equal(1920, answers[0].CachedTokens);
        Assert.Equal(answers[0], answers[1]);
    }

    private static ChatCompletionsStub Start(PrefixCacheOptions? cache = null, StubPipeline pipeline = StubPipeline.FastPath) =>
        ChatCompletionsStub.Start(new StubOptions
        {
            Profile = LatencyProfile.Default with { TimeScale = 0.01, Jitter = 0, TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(PrefillMsPerToken) },
            PrefixCache = cache ?? PrefixCacheOptions.Default,
            Pipeline = pipeline,
        });

    private static ChatMessage[] Messages(IEnumerable<(string Role, string Content)> messages) =>
        [.. messages.Select(m => m.Role switch
        {
            "system" => (ChatMessage)new SystemChatMessage(m.Content),
            "assistant" => new AssistantChatMessage(m.Content),
            _ => new UserChatMessage(m.Content),
        })];

    /// <summary>Sends raw JSON, so the headers and the usage object can be read as they came.</summary>
    internal static async Task<Answer> SendAsync(HttpClient http, ChatCompletionsStub stub, IEnumerable<(string Role, string Content)> messages, bool stream = false)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var response = await StubClient.PostChatAsync(http, stub, new StringContent(PromptText.Body(messages, stream), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var usageJson = stream
            ? body.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal) && l.Contains("\"usage\"", StringComparison.Ordinal)).Single()["data: ".Length..]
            : body;
        using var json = JsonDocument.Parse(usageJson);
        var usage = json.RootElement.GetProperty("usage");
        var cachedInUsage = usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32();
        var answer = new Answer(
            Header(response, StubPlanHeaders.PromptTokens),
            Header(response, StubPlanHeaders.CachedTokens),
            double.Parse(response.Headers.GetValues(StubPlanHeaders.PlannedTtftMs).Single(), CultureInfo.InvariantCulture));

        // The headers tell the truth the body reports.
        Assert.Equal(answer.PromptTokens, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(answer.CachedTokens, cachedInUsage);
        return answer;
    }

    private static int Header(HttpResponseMessage response, string name) =>
        int.Parse(response.Headers.GetValues(name).Single(), CultureInfo.InvariantCulture);

    internal sealed record Answer(int PromptTokens, int CachedTokens, double PlannedTtftMs);
}
