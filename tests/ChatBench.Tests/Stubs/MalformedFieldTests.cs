using System.Net;
using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// Each field the stub checks, sent malformed, gets OpenAI's 400 naming that field, the same on both pipelines; a bug
/// in the stub gets OpenAI's generic 500. Neither ever carries .NET exception text.
/// </summary>
public sealed class MalformedFieldTests : IDisposable
{
    private const string Messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static readonly (string Body, string Param)[] Cases =
    [
        ("""{"model":5,""" + Messages + "}", "model"),
        ("""{"model":"gpt-4o","messages":"hi"}""", "messages"),
        ("""{"model":"gpt-4o","messages":["hi"]}""", "messages[0]"),
        ("""{"model":"gpt-4o","messages":[{"content":"hi"}]}""", "messages[0].role"),
        ("""{"model":"gpt-4o","messages":[{"role":"boss","content":"hi"}]}""", "messages[0].role"),
        ("""{"model":"gpt-4o","messages":[{"role":"user"}]}""", "messages[0].content"),
        ("""{"model":"gpt-4o","messages":[{"role":"user","content":5}]}""", "messages[0].content"),
        ("""{"model":"gpt-4o","messages":[{"role":"user","content":[]}]}""", "messages[0].content"),
        ("""{"model":"gpt-4o","messages":[{"role":"user","content":["hi"]}]}""", "messages[0].content[0]"),
        ("""{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"video"}]}]}""", "messages[0].content[0].type"),
        ("""{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":1}]}]}""", "messages[0].content[0].text"),
        (With("\"stream\":\"yes\""), "stream"),
        (With("\"stream\":true,\"stream_options\":[]"), "stream_options"),
        (With("\"stream_options\":{\"include_usage\":true}"), "stream_options"),
        (With("\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"}"), "stream_options.include_usage"),
        (With("\"max_tokens\":\"a\""), "max_tokens"),
        (With("\"max_tokens\":1.5"), "max_tokens"),
        (With("\"max_tokens\":99999999999"), "max_tokens"),
        (With("\"max_completion_tokens\":-1"), "max_completion_tokens"),
        (With("\"seed\":\"x\""), "seed"),
        (With("\"seed\":1e30"), "seed"),
        (With("\"n\":0"), "n"),
        (With("\"temperature\":\"hot\""), "temperature"),
        (With("\"temperature\":2.5"), "temperature"),
        (With("\"top_p\":-0.1"), "top_p"),
        (With("\"presence_penalty\":3"), "presence_penalty"),
        (With("\"frequency_penalty\":-1e400"), "frequency_penalty"),
    ];

    private readonly HttpClient http = TestHttp.Client();

    public static TheoryData<StubPipeline, string, string> MalformedFields()
    {
        var data = new TheoryData<StubPipeline, string, string>();
        foreach (var pipeline in Enum.GetValues<StubPipeline>())
        {
            foreach (var (body, param) in Cases)
            {
                data.Add(pipeline, body, param);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task A_malformed_field_gets_400_naming_it_without_exception_text(StubPipeline pipeline, string body, string param)
    {
        using var stub = StubClient.Start(pipeline: pipeline);

        using var response = await StubClient.PostChatAsync(http, stub, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await FaultTests.ErrorAsync(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        AssertNoExceptionText(error.ToString());
    }

    [Theory]
    [InlineData(StubPipeline.FastPath)]
    [InlineData(StubPipeline.WireMockMapping)]
    public async Task A_failure_inside_the_stub_gets_a_generic_500_server_error(StubPipeline pipeline)
    {
        // A profile whose only rule takes the empty prompt: any real prompt makes the stub itself throw.
        var profile = LatencyProfile.Default with { Rules = [new PromptRule("empty-only", "x", maxPromptLength: 0)] };
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = profile, Pipeline = pipeline });

        using var response = await StubClient.PostChatAsync(http, stub, new StringContent(With(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await FaultTests.ErrorAsync(response);
        Assert.Equal("server_error", error.GetProperty("type").GetString());
        AssertNoExceptionText(error.ToString());
        Assert.Equal(1, stub.Statistics.ServerErrors);
    }

    public void Dispose() => http.Dispose();

    private static string With(string field = "") => $$"""{"model":"gpt-4o",{{Messages}}{{(field.Length > 0 ? "," + field : string.Empty)}}}""";

    private static void AssertNoExceptionText(string json)
    {
        Assert.DoesNotContain("Exception", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", json, StringComparison.Ordinal);
    }
}
