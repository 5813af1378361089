using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Targets;
using OpenAI;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// The client stacks by name, for <see cref="Scenarios.SdkSettingsBenchmarks"/>, <see cref="Scenarios.BatchCostBenchmarks"/>
/// and the profiling driver (<c>tools/ProfileBatch.cs</c>): the raw client, the SDK as ChatBench builds it, and the
/// SDK with each setting a user can apply through its options, one at a time and all together.
/// </summary>
public static class ClientStackCatalog
{
    public const string Raw = "raw";

    /// <summary>The SDK as it comes, but for its retries, which ChatBench always turns off (<see cref="ChatClientFactory"/>).</summary>
    public const string Sdk = "sdk";

    /// <summary>The SDK's own retry policy left on: three retries, which cost nothing until a request fails.</summary>
    public const string SdkDefaultRetries = "sdk-default-retries";

    /// <summary>Its transport over an <see cref="HttpClient"/> of the caller's (<see cref="TunedHttpClient"/>) instead of the SDK's shared one.</summary>
    public const string SdkTunedTransport = "sdk-tuned-transport";

    /// <summary>The pipeline's logging policies left out (<see cref="ClientLoggingOptions"/>).</summary>
    public const string SdkLoggingOff = "sdk-logging-off";

    /// <summary>The protocol method with the raw client's JSON and an unbuffered response (<see cref="SdkProtocolChatCall"/>).</summary>
    public const string SdkProtocol = "sdk-protocol";

    /// <summary>The three settings that change the SDK's work together: tuned transport, logging off, protocol method.</summary>
    public const string SdkTuned = "sdk-tuned";

    public static IReadOnlyList<string> Names { get; } = [Raw, Sdk, SdkDefaultRetries, SdkTunedTransport, SdkLoggingOff, SdkProtocol, SdkTuned];

    public static OpenClientStack Open(string name, BenchTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (name == Raw)
        {
            var raw = new RawChatHttpClient(target);
            return new OpenClientStack(new RawChatCall(raw), raw);
        }

        var options = ChatClientFactory.Options(target);
        var owned = new List<IDisposable>();
        switch (name)
        {
            case Sdk:
                break;
            case SdkDefaultRetries:
                options = new OpenAIClientOptions { Endpoint = options.Endpoint, NetworkTimeout = options.NetworkTimeout };
                break;
            case SdkTunedTransport or SdkLoggingOff or SdkProtocol or SdkTuned:
                if (name is SdkTunedTransport or SdkTuned)
                {
                    var http = TunedHttpClient();
                    owned.Add(http);
                    options.Transport = new HttpClientPipelineTransport(http);
                }

                if (name is SdkLoggingOff or SdkTuned)
                {
                    options.ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false, EnableMessageLogging = false };
                }

                break;
            default:
                throw new ArgumentException($"'{name}' is not a client stack; use one of {string.Join(", ", Names)}.", nameof(name));
        }

        var client = new ChatClient(target.Model, new ApiKeyCredential(target.ApiKey), options);
        IChatCall call = name is SdkProtocol or SdkTuned ? new SdkProtocolChatCall(client, target.Model) : new SdkChatCall(client);
        return new OpenClientStack(call, [.. owned]);
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> with what an API client does not use turned off (cookies, redirects, proxy
    /// lookup, decompression) and connections kept five minutes, as the raw client's are. No timeout of its own: the
    /// SDK's network timeout applies, so the request does not carry two cancellation timers.
    /// </summary>
    public static HttpClient TunedHttpClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        EnableMultipleHttp2Connections = true,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
