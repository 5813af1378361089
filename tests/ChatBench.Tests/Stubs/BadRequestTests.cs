using System.Net;
using System.Text;

namespace ChatBench.Tests.Stubs;

/// <summary>Malformed requests and unknown routes get the OpenAI API's errors, never a crash or an empty answer.</summary>
public sealed class BadRequestTests : IDisposable
{
    private readonly ChatBench.Stubs.ChatCompletionsStub stub = StubClient.Start();
    private readonly HttpClient http = TestHttp.Client();

    [Theory]
    [InlineData("{bad json", null)]
    [InlineData("""{"model":"gpt-4o"}""", "messages")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "model")]
    [InlineData("""{"model":"gpt-4o","messages":[]}""", "messages")]
    [InlineData("""{"model":"gpt-4o","max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens")]
    public async Task A_malformed_request_gets_400_invalid_request_error_naming_the_parameter(string body, string? param)
    {
        using var response = await http.PostAsync(new Uri(stub.BaseUri + "/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await FaultTests.ErrorAsync(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task An_unknown_model_gets_404_model_not_found()
    {
        using var response = await http.PostAsync(
            new Uri(stub.BaseUri + "/chat/completions"),
            new StringContent("""{"model":"gpt-9","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", (await FaultTests.ErrorAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_route_gets_404_in_the_openai_shape()
    {
        using var response = await http.GetAsync(new Uri(stub.Url, "/v1/embeddings/nope"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/v1/embeddings/nope", (await FaultTests.ErrorAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_models_route_lists_the_models_the_stub_answers_for()
    {
        var json = await http.GetStringAsync(new Uri(stub.BaseUri + "/models"), TestContext.Current.CancellationToken);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var ids = document.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString() ?? string.Empty).ToList();
        Assert.Equal(stub.Options.Models, ids);
        Assert.Equal("list", document.RootElement.GetProperty("object").GetString());
    }

    public void Dispose()
    {
        http.Dispose();
        stub.Dispose();
    }
}
