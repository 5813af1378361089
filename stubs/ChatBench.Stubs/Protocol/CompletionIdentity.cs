using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatBench.Stubs.Protocol;

/// <summary>The fields every object of one completion repeats: id, creation time and the echoed model.</summary>
internal sealed class CompletionIdentity
{
    private static readonly long ProcessPrefix = Random.Shared.NextInt64();
    private static long counter;

    public CompletionIdentity(string model)
    {
        Model = model;
        Id = $"chatcmpl-{ProcessPrefix:x16}{Interlocked.Increment(ref counter):x8}";
        Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    }

    public string Id { get; }

    public long Created { get; }

    public string Model { get; }

    /// <summary>The start of every stream event of this completion, up to and including <c>"choices":[</c>.</summary>
    public byte[] ChunkPrefix() => Encoding.UTF8.GetBytes(
        $"data: {{\"id\":\"{Id}\",\"object\":\"chat.completion.chunk\",\"created\":{Created},\"model\":\"{JsonEncodedText.Encode(Model, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\",\"system_fingerprint\":\"{ChatCompletionJson.SystemFingerprint}\",\"choices\":[");
}
