using System.ClientModel.Primitives;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// A per-try pipeline policy that counts every HTTP attempt the SDK sends and every 429 it gets back, including the
/// SDK's own retries, which are otherwise invisible to the caller.
/// </summary>
public sealed class AttemptCounter : PipelinePolicy
{
    private long attempts;
    private long rateLimited;

    public long Attempts => Interlocked.Read(ref attempts);

    public long RateLimited => Interlocked.Read(ref rateLimited);

    public (long Attempts, long RateLimited) Reset() => (Interlocked.Exchange(ref attempts, 0), Interlocked.Exchange(ref rateLimited, 0));

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref attempts);
        ProcessNext(message, pipeline, currentIndex);
        Count(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref attempts);
        await ProcessNextAsync(message, pipeline, currentIndex);
        Count(message);
    }

    private void Count(PipelineMessage message)
    {
        if (message.Response?.Status == 429)
        {
            Interlocked.Increment(ref rateLimited);
        }
    }
}
