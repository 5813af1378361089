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
