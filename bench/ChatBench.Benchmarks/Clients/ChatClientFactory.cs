using System.ClientModel;
using System.ClientModel.Primitives;
using ChatBench.Benchmarks.Targets;
using OpenAI;
using OpenAI.Chat;

namespace ChatBench.Benchmarks.Clients;

/// <summary>Builds the OpenAI SDK clients the benchmarks share: one per target, created in setup, never per call.</summary>
public static class ChatClientFactory
{
    /// <summary>Long enough for the slowest real answer; the fault benchmarks pass their own.</summary>
    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// A client with the SDK's automatic retries off: its default policy retries 429 and 5xx three times with almost no
    /// back-off, which would hide errors and turn them into fast-looking results.
    /// </summary>
    public static ChatClient Create(BenchTarget target, TimeSpan? networkTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ChatClient(target.Model, new ApiKeyCredential(target.ApiKey), Options(target, networkTimeout));
    }

    /// <summary>A client that sends through <paramref name="http"/> instead of the SDK's shared HttpClient; the caller owns it.</summary>
    public static ChatClient Create(BenchTarget target, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = Options(target);
        options.Transport = new HttpClientPipelineTransport(http);
        return new ChatClient(target.Model, new ApiKeyCredential(target.ApiKey), options);
    }

    public static OpenAIClientOptions Options(BenchTarget target, TimeSpan? networkTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new OpenAIClientOptions
        {
            Endpoint = target.BaseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = networkTimeout ?? DefaultNetworkTimeout,
        };
    }
}
