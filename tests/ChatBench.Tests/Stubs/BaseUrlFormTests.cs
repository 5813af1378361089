using System.Net;
using System.Text.Json;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// The stub serves its routes under both base URL forms the AIML API serves, <c>{server}/v1</c> and <c>{server}</c>
/// (the seed's <c>https://api.aimlapi.com</c>), with or without a trailing slash, on both pipelines, over real sockets.
/// </summary>
public sealed class BaseUrlFormTests
{
    public static TheoryData<StubPipeline, string> PipelinesAndBases => new()
    {
        { StubPipeline.FastPath, "" },
        { StubPipeline.FastPath, "/" },
        { StubPipeline.FastPath, "/v1" },
        { StubPipeline.FastPath, "/v1/" },
        { StubPipeline.WireMockMapping, "" },
        { StubPipeline.WireMockMapping, "/" },
        { StubPipeline.WireMockMapping, "/v1" },
        { StubPipeline.WireMockMapping, "/v1/" },
    };

    [Theory]
    [MemberData(nameof(PipelinesAndBases))]
    public async Task The_sdk_gets_the_planned_answer_with_either_base_url_form(StubPipeline pipeline, string basePath)
    {
        using var stub = StubClient.Start(pipeline: pipeline);
        var client = StubClient.For(stub, endpoint: new Uri(stub.Url, basePath));

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.ShortQuestion)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(stub.Expect(DefaultPromptRules.ShortQuestion).Content, completion.Content[0].Text);
        Assert.Equal(1, stub.Statistics.Received);
    }

    [Theory]
    [MemberData(nameof(PipelinesAndBases))]
    public async Task The_sdk_streams_the_planned_answer_with_either_base_url_form(StubPipeline pipeline, string basePath)
    {
        using var stub = StubClient.Start(pipeline: pipeline);
        var client = StubClient.For(stub, endpoint: new Uri(stub.Url, basePath));
        var text = new System.Text.StringBuilder();

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(DefaultPromptRules.ShortQuestion)], cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.Equal(stub.Expect(DefaultPromptRules.ShortQuestion).Content, text.ToString());
    }

    [Theory]
    [InlineData(StubPipeline.FastPath, "/models")]
    [InlineData(StubPipeline.FastPath, "/v1/models")]
    [InlineData(StubPipeline.WireMockMapping, "/models")]
    [InlineData(StubPipeline.WireMockMapping, "/v1/models")]
    public async Task The_models_route_answers_with_and_without_v1(StubPipeline pipeline, string route)
    {
        using var stub = StubClient.Start(pipeline: pipeline);
        using var http = TestHttp.Client();

        var json = await http.GetStringAsync(new Uri(stub.Url, route), TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(stub.Options.Models, document.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/v2/chat/completions")]
    [InlineData("/v1/v1/chat/completions")]
    [InlineData("/api/chat/completions")]
    public async Task Only_the_two_forms_are_chat_routes(string route)
    {
        using var stub = StubClient.Start();
        using var http = TestHttp.Client();
        using var body = new StringContent("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(stub.Url, route), body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, stub.Statistics.Received);
    }
}
