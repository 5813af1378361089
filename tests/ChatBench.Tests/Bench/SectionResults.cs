using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Small results of the sections whose tables are not speed-ups, as the real classes declare them: an open-loop sweep,
/// the generator's precision, calibration, the measurement floor, retry policies and client stacks.
/// </summary>
public static class SectionResults
{
    public static SummaryPlacement Placement(int order, string heading, TableKind table, ChartKind chart = ChartKind.None) =>
        new(order, heading, $"{heading}: what it measures.", chart, null, table);

    /// <summary>An open-loop step: its columns as the metrics name them, and TTFT and E2E distributions.</summary>
    public static CaseResult OpenLoopStep(double offered, double achieved, double goodput, double sloPercent, double ttftP50, double sendLagP99, int failed = 0) =>
        ResultsFixture.Case("OfferedRate", 8000, null, baseline: false) with
        {
            Columns = new Dictionary<string, double>
            {
                [OpenLoopResult.OfferedColumn] = offered,
                [OpenLoopResult.AchievedColumn] = achieved,
                [OpenLoopResult.GoodputColumn] = goodput,
                [OpenLoopResult.SloMetColumn] = sloPercent,
                [OpenLoopResult.SendLagP99Column] = sendLagP99,
            },
            Latency = Latency(100, failed, ttft: Spread(ttftP50), e2e: Spread(ttftP50 + 200)),
        };

    /// <summary>A generator case at <paramref name="rate"/> whose requests were sent late by the given lags.</summary>
    public static CaseResult GeneratorRate(double rate, params double[] sendLagsMs) =>
        ResultsFixture.Case("OfferedRate", 3000, null, baseline: false, ("Rate", (int)rate)) with
        {
            Columns = new Dictionary<string, double> { [OpenLoopResult.OfferedColumn] = rate },
            Latency = Latency(sendLagsMs.Length, 0, ttft: Spread(45), e2e: Spread(55)),
            Requests = [.. sendLagsMs.Select((lag, i) => ResultsFixture.Answered(i, "two-plus-two", i, i + 55, 6) with { SendLagMs = lag })],
        };

    public static CaseResult Calibrated(double ttftErrorP50, double ttftErrorP99, double itlErrorP50, double itlErrorP99) =>
        ResultsFixture.Case("Streams100RealTime", 2360, 2348, baseline: false) with
        {
            Latency = Latency(300, 0, ttft: Spread(458), e2e: Spread(600)) with
            {
                TtftError = new Distribution(300, ttftErrorP50, ttftErrorP50 + 5, ttftErrorP99, ttftErrorP50 + 1, ttftErrorP99 + 3),
                ItlError = new Distribution(300, itlErrorP50, itlErrorP50, itlErrorP99, itlErrorP50, itlErrorP99 + 1),
            },
        };

    /// <summary>A case with the given figures as its columns, by metric name.</summary>
    public static CaseResult WithColumns(CaseResult result, params (string Name, double Value)[] columns) =>
        result with { Columns = columns.ToDictionary(c => c.Name, c => c.Value) };

    public static CaseResult Policy(string method, double mean, double attempts, double rateLimited, double failed) =>
        WithColumns(ResultsFixture.Case(method, mean, 612, baseline: method == "UnboundedSdkRetries"), (BatchMetrics.Attempts, attempts), (BatchMetrics.RateLimited, rateLimited), (BatchMetrics.Failed, failed)) with
        {
            Iterations = [new IterationResult { Requests = 40, Failed = (int)failed, SpanMs = mean }],
        };

    public static CaseResult Stack(string method, int requests, double mean, double cpuUs, double allocKb, double threads) =>
        WithColumns(ResultsFixture.Case(method, mean, 241, baseline: method == "RawHttpClient", ("Requests", requests)), (BatchMetrics.ClientCpu, cpuUs), (BatchMetrics.Allocated, allocKb), (BatchMetrics.PoolThreads, threads), (BatchMetrics.PoolQueue, 1));

    private static Distribution Spread(double p50) => new(100, p50, p50 + 5, p50 + 10, p50 + 1, p50 + 12);

    private static CaseLatency Latency(int requests, int failed, Distribution ttft, Distribution e2e) => new(
        requests,
        requests - failed,
        failed == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { ["Timeout"] = failed },
        ttft, null, e2e, null, null, null, null, 100, 1500);
}
