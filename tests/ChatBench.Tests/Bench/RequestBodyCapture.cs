using System.ClientModel.Primitives;
using System.Collections.Concurrent;

namespace ChatBench.Tests.Bench;

/// <summary>A client pipeline policy that keeps every request body the real client sends, in order of sending.</summary>
public sealed class RequestBodyCapture : PipelinePolicy
{
    private readonly ConcurrentQueue<string> bodies = new();

    public IReadOnlyList<string> Bodies => [.. bodies];

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Keep(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Keep(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Keep(PipelineMessage message)
    {
        using var body = new MemoryStream();
        message.Request.Content?.WriteTo(body);
        bodies.Enqueue(System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
