using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ChatBench.Stubs;

/// <summary>
/// An OpenAI-compatible chat-completions server on WireMock.Net, bound to loopback, that simulates a hosted model's
/// latency exactly (see <see cref="LatencyProfile"/>) and the faults in <see cref="StubFaults"/>.
/// </summary>
internal sealed class ChatCompletionsStub : IDisposable
{
    public const string ChatCompletionsPath = "/v1/chat/completions";
    public const string ModelsPath = "/v1/models";

    /// <summary>
    /// Every route is served with and without its <c>/v1</c> prefix, as the AIML API serves both: a client given the
    /// base URL <c>{server}</c> (the form <c>https://api.aimlapi.com</c>) appends <c>/chat/completions</c> to it.
    /// </summary>
    public const string UnversionedChatCompletionsPath = "/chat/completions";

    public const string UnversionedModelsPath = "/models";

    internal static readonly string[] ChatCompletionsPaths = [ChatCompletionsPath, UnversionedChatCompletionsPath];

    internal static readonly string[] ModelsPaths = [ModelsPath, UnversionedModelsPath];

    private readonly WireMockServer server;

    private IServer? kestrel;

    private ChatCompletionsStub(StubOptions options)
    {
        options.Faults.Validate();
        options.Capacity?.Validate();
        options.PrefixCache.Validate();
        _ = options.Profile.Plan(string.Empty);
        if (options.Models.Count == 0)
        {
            throw new ArgumentException("The stub needs at least one model to answer for.", nameof(options));
        }

        if (options.MaxBodyBytes < 1)
        {
            throw new ArgumentException($"The request body limit must be at least 1 byte, not {options.MaxBodyBytes}.", nameof(options));
        }

        if (options.ContextWindow < 1)
        {
            throw new ArgumentException($"The context window must be at least 1 token, not {options.ContextWindow}.", nameof(options));
        }

        Options = options;
        var metrics = options.Metrics ? new StubMetrics(options.Models, Statistics) : null;
        var handler = new ChatCompletionsHandler(options, Statistics, metrics);
        var settings = new WireMockServerSettings
        {
            // WireMock.Net makes a "grpc://" URL a Kestrel endpoint with HttpProtocols.Http2 and no TLS: the only way
            // to get h2c through its settings (UseHttp2 only applies when no Urls are given, and then binds every address).
            Urls = [$"{(options.Http2Only ? "grpc" : "http")}://{options.Host}:{options.Port}"],
            StartAdminInterface = false,
            MaxRequestLogCount = options.MaxRequestLogCount,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,

            // Kestrel hands every flushed write to a pool thread that makes the socket call: one more wake-up between a
            // due token and the wire. The stub's code never blocks, so the transport may run it inline.
            AdditionalServiceRegistration = services => services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true),

            // The server itself, for a stop that lets answers in flight finish (StopAcceptingAsync).
            PostWireMockMiddlewareInit = app => kestrel = ((IApplicationBuilder)app).ApplicationServices.GetRequiredService<IServer>(),
        };
        settings.PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
        {
            if (metrics is not null && StubMetrics.IsScrape(context.Request))
            {
                // Served here under either pipeline: a scrape never goes through WireMock's matching or request log.
                await metrics.WriteAsync(context);
            }
            else if (!HttpMethods.IsPost(context.Request.Method) || !IsChatRoute(context.Request.Path))
            {
                await next(context);
            }
            else if (options.Pipeline == StubPipeline.FastPath)
            {
                await handler.HandleAsync(context, null);
            }
            else if (await handler.BodyLimit.BufferForWireMockAsync(context))
            {
                // WireMock would buffer any body whole, so the size limit is enforced before it sees one.
                await next(context);
            }
        });

        server = WireMockServer.Start(settings);
        if (options.Pipeline == StubPipeline.WireMockMapping)
        {
            server.Given(Request.Create().WithPath(ChatCompletionsPaths).UsingPost())
                .RespondWith(new ChatCompletionsResponseProvider(handler));
        }

        WireMockRoutes.Map(server, options);

        // An h2c endpoint is reported as grpc://; clients reach it with an ordinary http:// URL.
        Url = new UriBuilder(server.Url ?? throw new InvalidOperationException("WireMock.Net started without a URL.")) { Scheme = Uri.UriSchemeHttp }.Uri;
    }

    public StubOptions Options { get; }

    /// <summary>The server's root, for example <c>http://127.0.0.1:39211</c>.</summary>
    public Uri Url { get; }

    /// <summary>The OpenAI base URL to give a client: <c>{Url}/v1</c>.</summary>
    public Uri BaseUri => new(Url, "/v1");

    public LatencyProfile Profile => Options.Profile;

    public StubStatistics Statistics { get; } = new();

    public static ChatCompletionsStub Start(StubOptions? options = null) => new(options ?? new StubOptions());

    /// <summary>
    /// The ground truth for a request: what the stub will answer and when (see <see cref="LatencyProfile.Plan"/>). A
    /// request whose prompt the prefix cache may hold depends on the cache's state: give its cached tokens, or read the
    /// truth from the answer's headers (<see cref="Protocol.StubPlanHeaders"/>).
    /// </summary>
    public ResponsePlan Expect(string prompt, int? maxTokens = null, long? requestSeed = null, int? promptTokens = null, int cachedTokens = 0) =>
        Profile.Plan(prompt, maxTokens, requestSeed, promptTokens, cachedTokens);

    /// <summary>
    /// Stops accepting connections at once and waits for the requests in flight, cutting those still running when
    /// <paramref name="cut"/> fires; <see cref="Dispose"/> still follows.
    /// </summary>
    internal Task StopAcceptingAsync(CancellationToken cut) => kestrel?.StopAsync(cut) ?? Task.CompletedTask;

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private static bool IsChatRoute(PathString path) =>
        path.Equals(ChatCompletionsPath, StringComparison.Ordinal) || path.Equals(UnversionedChatCompletionsPath, StringComparison.Ordinal);
}
