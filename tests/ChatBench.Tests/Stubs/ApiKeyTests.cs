using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// One API key rule on every route, as the OpenAI API applies it: Bearer auth, the scheme in any case (auth schemes are
/// case-insensitive in HTTP); no key at all is a missing key, any other key an incorrect one (<c>invalid_api_key</c>).
/// </summary>
public sealed class ApiKeyTests : IDisposable
{
    private readonly ChatCompletionsStub stub = StubClient.Start(faults: new StubFaults { ApiKey = "right-key" });
    private readonly HttpClient http = new();

    [Theory]
    [InlineData("Bearer right-key", 200, null)]
    [InlineData("bearer right-key", 200, null)]
    [InlineData("Bearer wrong-key", 401, "invalid_api_key")]
    [InlineData("Bearer right-key-2", 401, "invalid_api_key")]
    [InlineData("Bearer ", 401, null)]
    [InlineData("Basic cmlnaHQta2V5", 401, null)]
    [InlineData(null, 401, null)]
    public async Task The_chat_and_models_routes_apply_the_same_key_rule(string? authorization, int status, string? code)
    {
        using var chat = await SendAsync(HttpMethod.Post, "/chat/completions", authorization);
        using var models = await SendAsync(HttpMethod.Get, "/models", authorization);

        foreach (var response in (HttpResponseMessage[])[chat, models])
        {
            Assert.Equal(status, (int)response.StatusCode);
            if (status == 401)
            {
                Assert.Equal(code, (await FaultTests.ErrorAsync(response)).GetProperty("code").GetString());
            }
        }
    }

    public void Dispose()
    {
        http.Dispose();
        stub.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, string? authorization)
    {
        using var request = new HttpRequestMessage(method, new Uri(stub.BaseUri + route));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
