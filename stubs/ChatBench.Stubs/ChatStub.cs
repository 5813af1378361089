using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs;

/// <summary>
/// An OpenAI-compatible chat-completions server on a real loopback socket, for tests of code that calls an LLM: its
/// answers come with a seeded, realistic latency (<see cref="LatencyProfile"/>), and it injects the faults in
/// <see cref="StubOptions.Faults"/> (429 with <c>Retry-After</c>, 500s, stalls, cut streams) and finite capacity.
/// </summary>
/// <example>
/// <code>
/// await using var stub = await ChatStub.StartAsync(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = 0.1 } });
/// var client = new ChatClient("gpt-4o", new ApiKeyCredential("any"), new OpenAIClientOptions { Endpoint = stub.BaseUrl });
/// </code>
/// </example>
public sealed class ChatStub : IAsyncDisposable, IDisposable
{
    private readonly ChatCompletionsStub stub;

    private ChatStub(ChatCompletionsStub stub) => this.stub = stub;

    /// <summary>The server's root, for example <c>http://127.0.0.1:39211</c>; <c>/health</c> answers 200 there.</summary>
    public Uri Url => stub.Url;

    /// <summary>The OpenAI base URL to give a client, <c>{Url}/v1</c>; the routes without <c>/v1</c> work too.</summary>
    public Uri BaseUrl => stub.BaseUri;

    /// <summary>What this stub serves with.</summary>
    public StubOptions Options => stub.Options;

    /// <summary>The chat requests the stub has seen so far, by outcome; each read is a new snapshot.</summary>
    public StubCounters Counters => StubCounters.Of(stub.Statistics);

    /// <summary>
    /// Waits until every request the stub has received has its outcome counted (a request still sending its body
    /// counts as unfinished, as does one being answered), then returns the counters: a client has its answer's last
    /// byte a moment before the stub has counted it, so a test that compares counts after its last answer reads them here.
    /// </summary>
    /// <exception cref="OperationCanceledException">Requests were still unfinished when <paramref name="cancellationToken"/> fired.</exception>
    public async Task<StubCounters> WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        while (stub.Statistics.Handling > 0)
        {
            await Task.Delay(1, cancellationToken);
        }

        return Counters;
    }

    /// <summary>
    /// Starts a stub; <see cref="StubOptions.Port"/> 0 (the default) picks a free port, read it from <see cref="Url"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static Task<ChatStub> StartAsync(StubOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => new ChatStub(ChatCompletionsStub.Start(options)), cancellationToken);

    /// <summary>
    /// The stub's plan for a prompt: its answer and when each token is due (time to first token, interval, total). A
    /// test can set its client's timeout below or above it. Prompts of 1,024 tokens or more may find part of their
    /// prefix cached, which shortens the plan; the answer's <c>x-stub-planned-ttft-ms</c> header always tells.
    /// </summary>
    /// <param name="prompt">The request's last user message.</param>
    /// <param name="maxTokens">The request's <c>max_tokens</c>, if it sends one.</param>
    /// <param name="requestSeed">The request's <c>seed</c>, if it sends one.</param>
    public ResponsePlan Plan(string prompt, int? maxTokens = null, long? requestSeed = null) => stub.Expect(prompt, maxTokens, requestSeed);

    /// <summary>Stops listening and closes every connection.</summary>
    public void Dispose() => stub.Dispose();

    /// <summary>Stops listening and closes every connection.</summary>
    public ValueTask DisposeAsync()
    {
        stub.Dispose();
        return ValueTask.CompletedTask;
    }
}
