using ChatBench.Benchmarks.Calls;

namespace ChatBench.Benchmarks.Clients;

/// <summary>A client stack ready to send: its call path, and what to dispose when the benchmark is done with it.</summary>
public sealed class OpenClientStack(IChatCall call, params IDisposable[] owned) : IDisposable
{
    public IChatCall Call { get; } = call;

    public void Dispose()
    {
        foreach (var resource in owned)
        {
            resource.Dispose();
        }
    }
}
