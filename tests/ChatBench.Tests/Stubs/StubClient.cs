using System.ClientModel;
using System.ClientModel.Primitives;
using ChatBench.Stubs;
using OpenAI;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>The real OpenAI SDK pointed at a stub, with its automatic retries off so every status surfaces.</summary>
internal static class StubClient
{
    private static readonly HttpClient Shared = TestHttp.Client();

    /// <summary>
    /// A request unanswered for <paramref name="networkTimeout"/> (default <see cref="TestTimeouts.Request"/>) fails
    /// with an error naming it; the SDK's own timeout, a second later, ends a stream that stops. The client's base URL
    /// is <paramref name="endpoint"/> when given, else the stub's <c>/v1</c> one.
    /// </summary>
    public static ChatClient For(ChatCompletionsStub stub, string key = "test-key", TimeSpan? networkTimeout = null, string model = "gpt-4o", Uri? endpoint = null) =>
        new(model, new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = endpoint ?? stub.BaseUri,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(networkTimeout is { } deadline ? TestHttp.Client(deadline) : Shared),
            NetworkTimeout = (networkTimeout ?? TestTimeouts.Request) + TimeSpan.FromSeconds(1),
        });

    public static ChatCompletionsStub Start(
        double timeScale = 0.02,
        StubPipeline pipeline = StubPipeline.FastPath,
        ChatBench.Stubs.Faults.StubFaults? faults = null,
        long maxBodyBytes = StubOptions.DefaultMaxBodyBytes) =>
        ChatCompletionsStub.Start(new StubOptions
        {
            Profile = ChatBench.Stubs.Latency.LatencyProfile.Default with { TimeScale = timeScale },
            Pipeline = pipeline,
            Faults = faults ?? ChatBench.Stubs.Faults.StubFaults.None,
            MaxBodyBytes = maxBodyBytes,
        });

    /// <summary>Posts a raw body to the stub's chat route, as a client that bypasses the SDK's own checks would.</summary>
    public static Task<HttpResponseMessage> PostChatAsync(HttpClient http, ChatCompletionsStub stub, HttpContent body) =>
        http.PostAsync(new Uri(stub.BaseUri + "/chat/completions"), body, TestContext.Current.CancellationToken);
}
