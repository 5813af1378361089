using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Results.Metrics;

/// <summary>
/// The parts of ChatBench's own overhead per request, in microseconds, each the median over the measured requests that
/// recorded it: only requests that carry a <see cref="RequestTiming"/> (the overhead benchmark's) have them.
/// </summary>
public static class OverheadMetrics
{
    /// <summary>The whole overhead a request, which the other parts split.</summary>
    public const string Total = "Overhead p50 [us]";

    public static IEnumerable<CaseMetric> All { get; } =
    [
        Of(Total, "Measured minus planned end-to-end time of a request (E2E - the stub's plan for the whole answer), median: everything that is not the simulated latency", 0,
            r => r.EndMs - r.StartMs - r.ExpectedTotalMs),
        Of("Stub late p50 [us]", "How late the stub wrote the answer (streams: the first token) against its plan, on its own clock, as it reports it, median", 1,
            r => r.Timing?.StubLateMs),
        Of("Build p50 [us]", "Non-streaming: from the call's start until the client handed the request to its connection: the client building the request (the SDK's pipeline, or the raw client's JSON; the SDK's body is serialized lazily, inside the connection's handler, so that part is in Wire in), median", 2,
            r => r.FirstTokenMs is null && r.Timing?.SentMs is { } sent ? sent - r.StartMs : null),
        Of("Wire in p50 [us]", "Non-streaming: from the client's connection until the stub's handler started (one monotonic clock for both processes): the connection writing, loopback, the stub's socket engine, Kestrel and WireMock.Net's host, median", 3,
            r => r.Timing is { StubStartMs: { } started, SentMs: { } sent } ? started - sent : null),
        Of("Return p50 [us]", "Non-streaming: from when the stub wrote the answer until the response headers were parsed under the client: the server sending, loopback and the client's connection reading the headers, median", 4,
            r => r.Timing is { StubStartMs: { } started, HeadersMs: { } headers, StubLateMs: { } late } && r.ExpectedTotalMs is { } planned ? headers - started - planned - late : null),
        Of("Parse p50 [us]", "Non-streaming: from the response headers to the end of the call: the client reading the body and building its result, median", 5,
            r => r.FirstTokenMs is null && r.Timing?.HeadersMs is { } headers ? r.EndMs - headers : null),
        Of("TTFT client err p50 [us]", "Streams: measured minus planned TTFT minus the stub's lateness for the first token: the send, the wire and the client's parsing up to the first token, median", 6,
            r => r.FirstTokenMs is { } first && r.ExpectedTtftMs is { } planned && r.Timing?.StubLateMs is { } late ? first - r.StartMs - planned - late : null),
        Of("Record p50 [us]", "From the end of the call until the benchmark has control back with the request recorded: the harness's own recording, median", 7,
            r => r.Timing?.ReturnedMs is { } returned ? returned - r.EndMs : null),
    ];

    private static CaseMetric Of(string name, string legend, int priority, Func<RequestRecord, double?> partMs) =>
        new(name, legend, "0", 40 + priority, MetricAudience.AnyValue, c => Distribution.Median(c.Invocations
            .SelectMany(i => i.Requests)
            .Where(r => r.Succeeded && r.Timing is not null)
            .Select(partMs)
            .OfType<double>()
            .Select(ms => ms * 1000)
            .ToList()));
}
