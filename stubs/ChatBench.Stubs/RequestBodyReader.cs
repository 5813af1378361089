using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatBench.Stubs;

/// <summary>Reads a request body up to a limit, never holding more than the limit in memory.</summary>
internal static class RequestBodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        // A declared length over the limit is refused before a byte is read.
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel's own cap (about 28.6 MiB) would fail a read below a larger limit of ours with an exception instead.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } cap } feature && cap < limit)
        {
            feature.MaxRequestBodySize = limit;
        }

        // A chunked body has no length up front: count while reading, and stop as soon as it passes the limit.
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellation);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
