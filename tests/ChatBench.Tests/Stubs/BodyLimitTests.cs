using System.Net;
using System.Text;
using ChatBench.Stubs;

namespace ChatBench.Tests.Stubs;

/// <summary>A body over the stub's limit gets OpenAI-shaped 413 on both pipelines, whether its length is declared or not.</summary>
public sealed class BodyLimitTests : IDisposable
{
    private const int SmallLimit = 64 * 1024;

    private readonly HttpClient http = TestHttp.Client();

    [Theory]
    [InlineData(StubPipeline.FastPath, false)]
    [InlineData(StubPipeline.FastPath, true)]
    [InlineData(StubPipeline.WireMockMapping, false)]
    [InlineData(StubPipeline.WireMockMapping, true)]
    public async Task A_20_MB_body_gets_413_request_too_large_under_the_default_limit(StubPipeline pipeline, bool chunked)
    {
        using var stub = StubClient.Start(pipeline: pipeline);

        using var response = await PostAsync(stub, 20_000_000, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await FaultTests.ErrorAsync(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("request_too_large", error.GetProperty("code").GetString());
        Assert.Equal(1, stub.Statistics.TooLarge);
    }

    [Theory]
    [InlineData(StubPipeline.FastPath, false)]
    [InlineData(StubPipeline.FastPath, true)]
    [InlineData(StubPipeline.WireMockMapping, false)]
    [InlineData(StubPipeline.WireMockMapping, true)]
    public async Task A_body_of_exactly_the_limit_is_answered_and_one_byte_more_is_not(StubPipeline pipeline, bool chunked)
    {
        using var stub = StubClient.Start(pipeline: pipeline, maxBodyBytes: SmallLimit);

        using var atLimit = await PostAsync(stub, SmallLimit, chunked);
        using var over = await PostAsync(stub, SmallLimit + 1, chunked);

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
    }

    public void Dispose() => http.Dispose();

    /// <summary>A valid chat request padded with spaces to exactly <paramref name="size"/> bytes.</summary>
    private async Task<HttpResponseMessage> PostAsync(ChatCompletionsStub stub, int size, bool chunked)
    {
        var json = Encoding.UTF8.GetBytes("""{"model":"gpt-4o","messages":[{"role":"user","content":"What is 2+2?"}]}""");
        var body = new byte[size];
        json.CopyTo(body, 0);
        body.AsSpan(json.Length).Fill((byte)' ');
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(stub.BaseUri + "/chat/completions"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = chunked;
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
