using System.Text.Json;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ChatBench.Tests.Bench;

/// <summary>
/// An OpenAI-compatible endpoint on a real loopback socket whose every answer, streamed or not, has the content, usage
/// and finish reason it was given: what the embedded stub never sends (it always answers completely).
/// </summary>
internal sealed class FlawedChatServer : IDisposable
{
    private const string Id = "\"id\":\"chatcmpl-flawed\",\"created\":1700000000,\"model\":\"gpt-4o\"";
    private const string Usage = "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}";

    private readonly WireMockServer server;

    public FlawedChatServer(string content, bool usage, string finishReason)
    {
        server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
        var text = JsonSerializer.Serialize(content);
        var completion = $$"""{{{Id}},"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":{{text}}},"logprobs":null,"finish_reason":"{{finishReason}}"}]{{(usage ? "," + Usage : "")}}}""";
        server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost().WithBody(new RegexMatcher("\"stream\"\\s*:\\s*true")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/event-stream").WithBody(Stream(text, content.Length > 0, usage, finishReason)));
        server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .AtPriority(2)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(completion));
    }

    public Uri BaseUri => new($"{server.Url}/v1");

    public void Dispose() => server.Stop();

    private static string Stream(string text, bool hasContent, bool usage, string finishReason)
    {
        var chunk = $"data: {{{Id},\"object\":\"chat.completion.chunk\",\"choices\":";
        var events = new List<string> { chunk + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}" };
        if (hasContent)
        {
            events.Add(chunk + $"[{{\"index\":0,\"delta\":{{\"content\":{text}}},\"finish_reason\":null}}]}}");
        }

        events.Add(chunk + $"[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"{finishReason}\"}}]}}");
        if (usage)
        {
            events.Add(chunk + "[]," + Usage + "}");
        }

        events.Add("data: [DONE]");
        return string.Join("\n\n", events) + "\n\n";
    }
}
