using ChatBench.Benchmarks.Results.Metrics;
using ChatBench.Benchmarks.Scenarios;
using static ChatBench.Benchmarks.Reports.Advice.AdviceFormat;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>Advice from the client-stack classes: never block in Parallel.For, share one client, and HTTP/2 or not.</summary>
public static class ClientAdvice
{
    public static AdviceItem? Blocking(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(BlockingCallBenchmarks);
        if (results.AtLargest(benchmark, nameof(BlockingCallBenchmarks.SdkSyncParallelFor), nameof(BlockingCallBenchmarks.RawHttpClient), nameof(BlockingCallBenchmarks.Requests))
            is not ({ Efficiency: { } blocked } blocking, { Efficiency: { } async } awaited, var size))
        {
            return null;
        }

        return new AdviceItem(
            $"Never call the SDK's blocking `CompleteChat` from `Parallel.For`: {Count(size)} requests took {Ms(blocking.MeanMs!.Value)} ms that way (efficiency {Fraction(blocked)}, {Ratio(blocking.MeanMs!.Value / awaited.MeanMs!.Value)} the time) against {Ms(awaited.MeanMs!.Value)} ms awaited together (efficiency {Fraction(async)}), because each blocked call holds a pool thread for its whole latency.",
            results.SectionOf(benchmark));
    }

    public static AdviceItem? SharedClient(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(ClientStackBenchmarks);
        if (results.AtLargest(benchmark, nameof(ClientStackBenchmarks.SdkClientPerRequest), nameof(ClientStackBenchmarks.SdkSharedClient), nameof(ClientStackBenchmarks.Requests))
            is not ({ MeanMs: { } each } perRequest, { MeanMs: { } one } shared, var size))
        {
            return null;
        }

        var change = (each / one) - 1;
        var verdict = change > MaterialDifference
            ? $"Create one `ChatClient` and share it: a new client per request made {Count(size)} requests at once take {Percent(change)} longer"
            : $"A new `ChatClient` per request cost little time in this run ({Count(size)} requests at once: {(change >= 0 ? "+" : "-")}{Percent(change)})";
        return new AdviceItem(
            $"{verdict}, {Ms(each)} ms against {Ms(one)} ms with one shared client{Cpu(AdviceSource.Column(perRequest, BatchMetrics.ClientCpu), AdviceSource.Column(shared, BatchMetrics.ClientCpu))}.",
            results.SectionOf(benchmark));
    }

    public static AdviceItem? HttpVersion(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(HttpVersionBenchmarks);
        const string http = nameof(HttpVersionBenchmarks.Http);
        var http1 = results.Case(benchmark, nameof(HttpVersionBenchmarks.SdkSharedClient), (http, "1.1"));
        var http2 = results.Case(benchmark, nameof(HttpVersionBenchmarks.SdkSharedClient), (http, "2.0"));
        if (http1?.MeanMs is not { } one || http2?.MeanMs is not { } two)
        {
            return null;
        }

        var change = (two / one) - 1;
        var verdict = change < -MaterialDifference
            ? $"{Percent(change)} less: HTTP/2 is worth trying with your provider"
            : change > MaterialDifference
                ? $"{Percent(change)} more: keep `HttpClient`'s default HTTP/1.1 unless your provider asks for HTTP/2"
                : "no material difference";
        var requests = http1.NumericParameter(nameof(HttpVersionBenchmarks.Requests)) is { } n ? $"{Count(n)} requests at once" : "the same batch";
        return new AdviceItem($"Through the SDK, HTTP/2 took {Ms(two)} ms for {requests} against {Ms(one)} ms over HTTP/1.1, {verdict}.", results.SectionOf(benchmark));
    }

    private static string Cpu(double? each, double? shared) =>
        each is { } e && shared is { } s ? $", {Count(e)} against {Count(s)} µs of client CPU a request" : string.Empty;
}
