using ChatBench.Benchmarks.Targets;
using Microsoft.Extensions.AI;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// The Microsoft.Extensions.AI abstraction over the OpenAI SDK, as an application that codes against
/// <see cref="IChatClient"/> builds it: the same SDK client (retries off) wrapped by the official adapter.
/// </summary>
public static class ExtensionsAIChatClientFactory
{
    public static IChatClient Create(BenchTarget target, TimeSpan? networkTimeout = null) =>
        ChatClientFactory.Create(target, networkTimeout).AsIChatClient();
}
