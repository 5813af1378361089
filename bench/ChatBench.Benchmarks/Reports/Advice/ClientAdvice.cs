using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Scenarios;
using static ChatBench.Benchmarks.Reports.Advice.AdviceFormat;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>Advice from the client-stack classes: never block in Parallel.For, share one client, and HTTP/2 or not.</summary>
public static class ClientAdvice
{
    private const string Requests = nameof(ClientStackBenchmarks.Requests);

    public static AdviceItem? Blocking(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(BlockingCallBenchmarks);
        if (results.AtLargest(benchmark, nameof(BlockingCallBenchmarks.SdkSyncParallelFor), nameof(BlockingCallBenchmarks.RawHttpClient), Requests)
            is not ({ Efficiency: { } blocked } blocking, var raw, var size))
        {
            return null;
        }

        // The same SDK awaited is the fair comparison; without its class, the raw client awaited in the same class.
        var sdk = results.Cases(nameof(ClientStackBenchmarks), nameof(ClientStackBenchmarks.SdkSharedClient)).FirstOrDefault(c => c.NumericParameter(Requests) == size);
        var (awaited, how) = sdk is null ? (raw, "the raw `HttpClient`'s async calls") : (sdk, "the SDK's async calls");
        if (awaited.Efficiency is not { } async)
        {
            return null;
        }

        return new AdviceItem(
            $"Never call the SDK's blocking `CompleteChat` from `Parallel.For`: {Count(size)} requests took {Ms(blocking.MeanMs!.Value)} ms that way (efficiency {Fraction(blocked)}), where {how} awaited together took {Ms(awaited.MeanMs!.Value)} ms (efficiency {Fraction(async)}): each blocked call holds a pool thread for its whole latency.",
            results.SectionOf(benchmark));
    }

    public static AdviceItem? SharedClient(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(ClientStackBenchmarks);
        if (results.AtLargest(benchmark, nameof(ClientStackBenchmarks.SdkClientPerRequest), nameof(ClientStackBenchmarks.SdkSharedClient), Requests)
            is not ({ MeanMs: { } each } perRequest, { MeanMs: { } one } shared, var size))
        {
            return null;
        }

        var verdict = each > one && MeanDifference.IsClear(perRequest, shared)
            ? $"Create one `ChatClient` and share it: a new client per request made {Count(size)} requests at once take {Percent((each / one) - 1)} longer"
            : $"A new `ChatClient` per request made no clear difference to the time of {Count(size)} requests at once";
        return new AdviceItem(
            $"{verdict}, {Ms(each)} ms against {Ms(one)} ms with one shared client{Cpu(perRequest.Column(BatchMetrics.ClientCpu), shared.Column(BatchMetrics.ClientCpu))}.",
            results.SectionOf(benchmark));
    }

    public static AdviceItem? HttpVersion(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(HttpVersionBenchmarks);
        if (Versions(results, nameof(HttpVersionBenchmarks.SdkSharedClient)) is not ({ MeanMs: { } one } http1, { MeanMs: { } two } http2, var size))
        {
            return null;
        }

        var verdict = !MeanDifference.IsClear(http2, http1)
            ? "no clear difference within the iterations' spread"
            : two < one
                ? $"{Percent((two / one) - 1)} less: HTTP/2 is worth trying with your provider"
                : $"{Percent((two / one) - 1)} more: keep `HttpClient`'s default HTTP/1.1 unless your provider asks for HTTP/2";
        var raw = Versions(results, nameof(HttpVersionBenchmarks.RawHttpClient)) is ({ MeanMs: { } rawOne }, { MeanMs: { } rawTwo }, _)
            ? $"; the raw `HttpClient` took {Ms(rawTwo)} against {Ms(rawOne)} ms"
            : string.Empty;
        return new AdviceItem(
            $"Through the SDK, HTTP/2 took {Ms(two)} ms for {Count(size)} requests at once against {Ms(one)} ms over HTTP/1.1, {verdict}{raw}.",
            results.SectionOf(benchmark));
    }

    /// <summary>A method's HTTP/1.1 and HTTP/2 cases at the largest batch both were measured at.</summary>
    private static (CaseResult Http1, CaseResult Http2, double Size)? Versions(AdviceSource results, string method)
    {
        const string http = nameof(HttpVersionBenchmarks.Http);
        var cases = results.Cases(nameof(HttpVersionBenchmarks), method).Where(c => c.NumericParameter(Requests) is not null).ToList();
        return cases
            .Where(c => c.Parameters.GetValueOrDefault(http) == "2.0")
            .OrderByDescending(c => c.NumericParameter(Requests))
            .Select(two => (Two: two, One: cases.FirstOrDefault(c => c.Parameters.GetValueOrDefault(http) == "1.1" && c.NumericParameter(Requests) == two.NumericParameter(Requests))))
            .Where(p => p.One is not null)
            .Select(p => ((CaseResult, CaseResult, double)?)(p.One!, p.Two, p.Two.NumericParameter(Requests)!.Value))
            .FirstOrDefault();
    }

    private static string Cpu(double? each, double? shared) =>
        each is { } e && shared is { } s ? $", {Count(e)} against {Count(s)} µs of client CPU a request" : string.Empty;
}
