using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace ChatBench.Tests.Bench;

/// <summary>
/// The harness takes a base URL in either form the AIML API serves, <c>https://api.aimlapi.com/v1</c> and the seed's
/// <c>https://api.aimlapi.com</c>, with or without a trailing slash: every client it builds reaches the chat route.
/// </summary>
public sealed class HarnessBaseUrlFormTests : IDisposable
{
    private readonly ChatCompletionsStub stub = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = 0.02 } });

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/v1")]
    [InlineData("/v1/")]
    public async Task Every_client_the_harness_builds_reaches_the_stub_with_either_form(string basePath)
    {
        var target = BenchTarget.ForStub(new Uri(stub.Url, basePath), "gpt-4o", stub.Profile);
        var expected = stub.Expect(DefaultPromptRules.ShortQuestion).Content;
        var cancellation = TestContext.Current.CancellationToken;
        using var raw = new RawChatHttpClient(target, timeout: TestTimeouts.Request);
        using var abstraction = ExtensionsAIChatClientFactory.Create(target, TestTimeouts.Request);

        ChatCompletion sdk = await ChatClientFactory.Create(target, TestTimeouts.Request).CompleteChatAsync([new UserChatMessage(DefaultPromptRules.ShortQuestion)], cancellationToken: cancellation);
        var extensions = await abstraction.GetResponseAsync(DefaultPromptRules.ShortQuestion, cancellationToken: cancellation);
        var completed = await raw.CompleteAsync(DefaultPromptRules.ShortQuestion, seed: null, cancellation);
        var streamed = await raw.StreamAsync(DefaultPromptRules.ShortQuestion, seed: null, cancellationToken: cancellation);
        var preflight = LivePreflight.Check(target);

        Assert.Equal([expected, expected, expected, expected], [sdk.Content[0].Text, extensions.Text, completed.Content, streamed.Content]);
        Assert.Null(preflight);
        Assert.Equal(5, stub.Statistics.Received);
    }

    [Theory]
    [InlineData("https://api.aimlapi.com")]
    [InlineData("https://api.aimlapi.com/v1")]
    public void The_command_line_takes_either_form_and_a_benchmark_process_receives_it_unchanged(string baseUrl)
    {
        Assert.True(BenchCommandLine.TryParse(["--target", "live", "--base-url", baseUrl], out var options, out var error), error);

        var received = RunSettings.Parse(RunSettings.From(options, options.BaseUrl, "/records").ToJobVariable().Value);

        Assert.Equal(new Uri(baseUrl), received.BaseUrl);
    }

    public void Dispose() => stub.Dispose();
}
