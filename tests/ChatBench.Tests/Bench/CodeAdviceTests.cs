using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Reports.Advice;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

/// <summary>"What this means for your code": every piece computed from the results, left out without its data.</summary>
public sealed class CodeAdviceTests
{
    [Fact]
    public void Each_piece_carries_its_figures_and_links_the_section_they_come_from()
    {
        var advice = CodeAdvice.For(Everything());

        Assert.Equal(8, advice.Count);
        var seed = Assert.Single(advice, a => a.Sentence.Contains("seed's two questions", StringComparison.Ordinal));
        Assert.Contains("took 215 ms at once against 267 ms one after the other (1.24x), and `two-plus-two` (sent second) answered first in 3 of 3 iterations", seed.Sentence, StringComparison.Ordinal);
        Assert.Equal("Two questions", seed.Section);
        Assert.Contains(advice, a => a.Sentence.Contains("within 5% of the ideal batch time up to 100 requests at once; at 1,000 it reached efficiency 0.65, 133 ms over its ideal of 241 ms (at 100: 8.0 ms)", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Sentence.Contains("a batch of 40 took 623 ms with 0 429s and 0 requests lost, against 3,248 ms, 80 429s and 8 lost", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Sentence.Contains("100 requests took 2,482 ms that way (efficiency 0.09), where the raw `HttpClient`'s async calls awaited together took 254 ms (efficiency 0.93)", StringComparison.Ordinal) && a.Section == "BlockingCallBenchmarks");
        Assert.Contains(advice, a => a.Sentence.StartsWith("Create one `ChatClient` and share it: a new client per request made 1,000 requests at once take 17% longer", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Sentence.Contains("HTTP/2 took 415 ms for 1,000 requests at once against 380 ms over HTTP/1.1, 9% more: keep", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Sentence.Contains("one stream at a time, the first words arrived after 45.1 ms at the median, while one answer in ten took 180 ms or more to finish (3.99 times as long)", StringComparison.Ordinal));
    }

    [Fact]
    public void Advice_whose_results_are_missing_is_not_printed()
    {
        Assert.Empty(CodeAdvice.For([]));

        var onlySeed = CodeAdvice.For([.. Everything().Where(f => f.Benchmark.Name == "SeedScenarioBenchmarks")]);

        Assert.Single(onlySeed);
        var failedHttp2 = Everything().Select(f => f.Benchmark.Name != "HttpVersionBenchmarks" ? f : f with { Cases = [.. f.Cases.Select(c => c.Parameters["Http"] == "2.0" ? c with { Success = false, Statistics = null } : c)] }).ToList();
        Assert.DoesNotContain(CodeAdvice.For(failedHttp2), a => a.Sentence.Contains("HTTP/2", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_results_give_different_advice()
    {
        var files = Everything().Select(f => f.Benchmark.Name switch
        {
            "SeedScenarioBenchmarks" => f with { Cases = [.. f.Cases.Select(c => c.Method == "Concurrent" ? WithMean(c, 266) : c)] },
            "HttpVersionBenchmarks" => f with { Cases = [.. f.Cases.Select(c => c.Parameters["Http"] == "2.0" ? WithMean(c, 300) : c)] },
            "ClientStackBenchmarks" => f with { Cases = [.. f.Cases.Select(c => c.Method == "SdkClientPerRequest" ? WithMean(c, 410) : c)] },
            "LargeBatchBenchmarks" => f with { Cases = [.. f.Cases.Select(c => c with { Efficiency = 0.96 })] },
            "RateLimitBenchmarks" => f with { Cases = [.. f.Cases.Select(c => c.Method == "UnboundedRetryAfter" ? RateLimited(c.Method, 3300, 90, 8) : c)] },
            "StreamingBenchmarks" => f with { Cases = [Streams(10, 50, 400)] },
            _ => f,
        }).Append(File("ClientStackBenchmarks", "Client stacks", ResultsFixture.Case("SdkSharedClient", 251.1, 234.8, baseline: false, ("Requests", 100)))).ToList();

        var advice = CodeAdvice.For(files).Select(a => a.Sentence).ToList();

        Assert.Contains(advice, s => s.StartsWith("Sending the seed's two questions at once gained nothing in this run: 266 ms against 267 ms", StringComparison.Ordinal));
        Assert.Contains(advice, s => s.Contains("HTTP/2 took 300 ms for 1,000 requests at once against 380 ms over HTTP/1.1, 21% less", StringComparison.Ordinal));
        Assert.Contains(advice, s => s.StartsWith("A new `ChatClient` per request made no clear difference to the time of 1,000 requests at once, 410 ms against 406 ms", StringComparison.Ordinal));
        Assert.Contains(advice, s => s.Contains("at every size measured, up to 1,000 requests at once (efficiency 0.96)", StringComparison.Ordinal));
        Assert.Contains(advice, s => s.StartsWith("Waiting as long as a 429's `Retry-After` asks did not help in this run: unbounded, that batch took 3,300 ms and lost 8 of 40", StringComparison.Ordinal));
        Assert.Contains(advice, s => s.Contains("10 streams at a time, the first words arrived after 50.0 ms at the median, while one answer in ten took 400 ms", StringComparison.Ordinal));
        Assert.Contains(advice, s => s.Contains("where the SDK's async calls awaited together took 251 ms (efficiency 0.94)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_difference_within_the_iterations_spread_is_not_called_one()
    {
        var noisy = Everything().Select(f => f.Benchmark.Name == "HttpVersionBenchmarks"
            ? f with { Cases = [.. f.Cases.Select(c => c with { Statistics = c.Statistics! with { StandardDeviationMs = 40 } })] }
            : f).ToList();

        var http = Assert.Single(CodeAdvice.For(noisy), a => a.Sentence.Contains("HTTP/2", StringComparison.Ordinal));

        Assert.Contains("415 ms for 1,000 requests at once against 380 ms over HTTP/1.1, no clear difference within the iterations' spread", http.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_short_of_ideal_already_at_the_smallest_size_say_so()
    {
        var files = Everything().Select(f => f.Benchmark.Name == "BatchBenchmarks" ? f with { Cases = [.. f.Cases.Select(c => c with { Efficiency = 0.5 })] } : f).ToList();

        Assert.Contains(CodeAdvice.For(files), a => a.Sentence.Contains("of the ideal batch time below the smallest size measured; at 10 it reached efficiency 0.50", StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_page_opens_with_the_advice_and_links_resolve_to_its_headings()
    {
        using var results = new ResultsFixture().WithEverything();

        var page = System.IO.File.ReadAllText(SummaryPage.Write(results.Directory).Page);

        var advice = page.IndexOf("## What this means for your code", StringComparison.Ordinal);
        Assert.InRange(advice, 0, page.IndexOf("## Two questions", StringComparison.Ordinal));
        Assert.Contains("answered first in 3 of 3 iterations: together they take as long as the slower one, not the sum. ([Two questions](#two-questions))", page, StringComparison.Ordinal);
        Assert.Contains("time scale 0.1", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rate limits: what each retry policy loses", "rate-limits-what-each-retry-policy-loses")]
    [InlineData("Open loop, reference sweep: the knee against the stub's capacity", "open-loop-reference-sweep-the-knee-against-the-stubs-capacity")]
    [InlineData("BlockingCallBenchmarks", "blockingcallbenchmarks")]
    public void Anchors_are_the_ones_github_gives_a_heading(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownAnchor.For(heading));

    private static CaseResult WithMean(CaseResult result, double mean) => result with
    {
        Statistics = new CaseStatistics(3, mean, mean, 1, mean - 1, mean + 1),
        Efficiency = result.IdealMs / mean,
    };

    /// <summary>The cases the advice reads, with the figures of a reference run (time scale 0.1).</summary>
    private static List<ResultsFile> Everything()
    {
        var seedRequests = new[] { ResultsFixture.Answered(0, "hockey-players", 0.1, 215, 147), ResultsFixture.Answered(1, "two-plus-two", 0.5, 55.5, 6) };
        var seedIterations = Enumerable.Range(0, 3).Select(_ => new IterationResult { Requests = 2, Failed = 0, SpanMs = 215, FirstAnswered = 1 }).ToList();
        return
        [
            File("SeedScenarioBenchmarks", "Two questions", ResultsFixture.Case("SequentialAsync", 267.4, 262.8, baseline: true), ResultsFixture.Case("Concurrent", 214.9, 211.0, baseline: false) with { MedianIteration = seedRequests, Iterations = seedIterations }),
            File("StreamingBenchmarks", "Streaming", Streams(1, 45.1, 180), Streams(100, 51.7, 215)),
            File("BatchBenchmarks", "Batches", ResultsFixture.Case("WhenAll", 225.6, 222.3, baseline: false, ("BatchSize", 10)), ResultsFixture.Case("WhenAll", 237.4, 233.5, baseline: false, ("BatchSize", 25))),
            File("LargeBatchBenchmarks", "Batches", ResultsFixture.Case("WhenAll", 242.8, 234.8, baseline: false, ("BatchSize", 100)), ResultsFixture.Case("WhenAll", 373.7, 241.1, baseline: false, ("BatchSize", 1000)) with { Columns = new Dictionary<string, double> { ["CPU/req [us]"] = 355.8 } }),
            File("RateLimitBenchmarks", "Rate limits", RateLimited("UnboundedSdkRetries", 3247.7, 80, 8), RateLimited("UnboundedRetryAfter", 863.5, 90, 0), RateLimited("BoundedToCapacity", 622.9, 0, 0)),
            File("BlockingCallBenchmarks", null, ResultsFixture.Case("RawHttpClient", 253.7, 234.8, baseline: true, ("Requests", 100)), ResultsFixture.Case("SdkSyncParallelFor", 2482.2, 234.8, baseline: false, ("Requests", 100))),
            File("ClientStackBenchmarks", "Client stacks", WithCpu(ResultsFixture.Case("SdkSharedClient", 405.9, 241.1, baseline: false, ("Requests", 1000)), 508), WithCpu(ResultsFixture.Case("SdkClientPerRequest", 475.5, 241.1, baseline: false, ("Requests", 1000)), 521)),
            File("HttpVersionBenchmarks", null, Http("1.1", 380.4), Http("2.0", 414.9)),
        ];
    }

    private static ResultsFile File(string name, string? heading, params CaseResult[] cases) => new()
    {
        SchemaVersion = ResultsFile.CurrentSchemaVersion,
        Run = ResultsFixture.Run,
        Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios." + name, Name = name, Summary = heading is null ? null : new SummaryPlacement(1, heading, string.Empty, ChartKind.None, null) },
        Cases = cases,
    };

    private static CaseResult Streams(int concurrency, double ttft, double e2e) => ResultsFixture.Case("Streams", 200, 190, baseline: false, ("Concurrency", concurrency)) with
    {
        Latency = new CaseLatency(20, 20, new Dictionary<string, int>(), new Distribution(20, ttft, ttft, ttft, ttft, ttft), null, new Distribution(20, e2e, e2e, e2e, e2e, e2e), null, null, null, null, 100, 1500),
    };

    private static CaseResult RateLimited(string method, double mean, long rateLimited, int failed) => ResultsFixture.Case(method, mean, 612, baseline: false) with
    {
        Columns = new Dictionary<string, double> { ["Attempts"] = 40 + rateLimited, ["429s"] = rateLimited, ["Failed"] = failed },
        Iterations = [.. Enumerable.Range(0, 3).Select(_ => new IterationResult { Requests = 40, Failed = failed, SpanMs = mean, Attempts = 40 + rateLimited, RateLimited = rateLimited })],
    };

    private static CaseResult WithCpu(CaseResult result, double cpu) => result with { Columns = new Dictionary<string, double> { ["CPU/req [us]"] = cpu } };

    private static CaseResult Http(string version, double mean) => ResultsFixture.Case("SdkSharedClient", mean, 241.1, baseline: false, ("Requests", 1000)) with
    {
        Parameters = new Dictionary<string, string> { ["Http"] = version, ["Requests"] = "1000" },
    };
}
