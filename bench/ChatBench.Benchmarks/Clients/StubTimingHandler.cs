using System.Diagnostics;
using System.Globalization;
using ChatBench.Stubs.Protocol;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// Asks the stub for its own timing report (<see cref="StubTiming"/>) and notes, for the latest response, when its
/// headers arrived and how late the stub says it was. It sits under the client (the SDK's transport or the raw
/// client's handler), so it sees the wire, not the client's parsing. It keeps the latest response only: for benchmarks
/// that send one request at a time.
/// </summary>
public sealed class StubTimingHandler : DelegatingHandler
{
    private StubTimingStream? stream;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the latest request reached the connection's handler.</summary>
    public long SentTimestamp { get; private set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the latest response's headers were parsed.</summary>
    public long HeadersTimestamp { get; private set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the stub started handling the latest (non-streaming) request.</summary>
    public long? StubStartTimestamp { get; private set; }

    /// <summary>How late the stub wrote the latest whole answer (non-streaming) or its first token (streaming).</summary>
    public TimeSpan? StubLate => stream is { } s ? s.FirstLate : lateHeader;

    /// <summary>How late the stub wrote the latest stream's last token.</summary>
    public TimeSpan? StubLastLate => stream?.LastLate;

    private TimeSpan? lateHeader;

    /// <summary>Puts this handler over <paramref name="connections"/>, for an HttpClient.</summary>
    public StubTimingHandler Over(HttpMessageHandler connections)
    {
        InnerHandler = connections;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAddWithoutValidation(StubTiming.RequestHeader, "1");
        SentTimestamp = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        HeadersTimestamp = Stopwatch.GetTimestamp();
        lateHeader = response.Headers.TryGetValues(StubTiming.LateHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var us)
            ? TimeSpan.FromMicroseconds(us)
            : null;
        StubStartTimestamp = response.Headers.TryGetValues(StubTiming.StartedHeader, out var started)
            && long.TryParse(started.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            ? timestamp
            : null;
        stream = null;
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            // The stream's report comes in its last bytes: read them on their way to the client's parser.
            stream = new StubTimingStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            var original = response.Content;
            response.Content = new StreamContent(stream);
            foreach (var header in original.Headers)
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }
}
