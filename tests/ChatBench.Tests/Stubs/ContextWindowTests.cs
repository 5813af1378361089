using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>A prompt beyond the model's context window gets OpenAI's 400 <c>context_length_exceeded</c>, and is not cached.</summary>
public sealed class ContextWindowTests
{
    private static readonly (string Role, string Content)[] Prompt = [("system", PromptText.OfTokens(1990)), ("user", "Hi")];

    [Fact]
    public async Task A_prompt_beyond_the_context_window_gets_openais_400_word_for_word()
    {
        using var stub = Start(contextWindow: 1999);
        using var http = TestHttp.Client();

        var (status, body) = await SendAsync(http, stub, PromptText.Body(Prompt));

        Assert.Equal(400, status);
        Assert.Equal(
            """{"error":{"message":"This model's maximum context length is 1999 tokens. However, your messages resulted in 2000 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""",
            body);
        Assert.Equal(1, stub.Statistics.BadRequests);
    }

    [Fact]
    public async Task Max_tokens_counts_against_the_context_window_too()
    {
        using var stub = Start(contextWindow: 2100);
        using var http = TestHttp.Client();

        var (fits, _) = await SendAsync(http, stub, PromptText.Body(Prompt, maxTokens: 100));
        var (status, body) = await SendAsync(http, stub, PromptText.Body(Prompt, maxTokens: 101));

        Assert.Equal(200, fits);
        Assert.Equal(400, status);
        Assert.Equal(
            """{"error":{"message":"This model's maximum context length is 2100 tokens. However, you requested 2101 tokens (2000 in the messages, 101 in the completion). Please reduce the length of the messages or completion.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""",
            body);
    }

    [Fact]
    public async Task A_refused_oversized_request_does_not_enter_the_prefix_cache()
    {
        using var stub = Start(contextWindow: 2000);
        using var http = TestHttp.Client();

        var (refused, _) = await SendAsync(http, stub, PromptText.Body(Prompt, maxTokens: 50));
        var first = await PromptCachingStubTests.SendAsync(http, stub, Prompt);

        Assert.Equal(400, refused);
        Assert.Equal(0, first.CachedTokens);
        Assert.Equal(2000, stub.Statistics.PromptTokens);
    }

    [Fact]
    public async Task The_default_window_is_gpt_4os_128000_tokens()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = 0.01 } });
        using var http = TestHttp.Client();

        var (status, body) = await SendAsync(http, stub, PromptText.Body([("user", "Hi")], maxTokens: 128_000));

        Assert.Equal(128_000, StubOptions.DefaultContextWindow);
        Assert.Equal(400, status);
        Assert.Contains("maximum context length is 128000 tokens", body, StringComparison.Ordinal);
    }

    private static ChatCompletionsStub Start(int contextWindow) =>
        ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = 0.01 }, ContextWindow = contextWindow });

    private static async Task<(int Status, string Body)> SendAsync(HttpClient http, ChatCompletionsStub stub, string body)
    {
        using var response = await StubClient.PostChatAsync(http, stub, new StringContent(body, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
