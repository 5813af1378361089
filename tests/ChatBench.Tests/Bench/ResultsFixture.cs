using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Reports;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A temporary results folder holding small result files in the formats the exporters write: BenchmarkDotNet CSV
/// reports (job columns, [Params], units in the header), the seed arrivals, streaming latency summaries and run.json.
/// </summary>
public sealed class ResultsFixture : IDisposable
{
    private const string JobColumns = "Job,RunStrategy,WarmupCount";
    private const string JobValues = "Macro,Monitoring,1";
    private const string Statistics = "Mean [ms],Error [ms],StdDev [ms],Ratio,RatioSD,Ideal [ms],Efficiency";

    public ResultsFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "chatbench-results-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public void Write(string fileName, string text) => File.WriteAllText(PathOf(fileName), text);

    /// <summary>Every input of every chart, as a successful full stub run leaves them.</summary>
    public ResultsFixture WithEverything()
    {
        WriteRun(failedCases: 0);
        WriteSeedReport();
        WriteSeedArrivals();
        WriteBatchReports();
        WriteBoundedReport();
        WriteStreamingLatency();
        Write("ChatBench.Benchmarks.Scenarios.RateLimitBenchmarks-report.csv", $"Method,{JobColumns},{Statistics}\nWithRetries,{JobValues},310.5,3.1,2.0,-,-,-,-\n");
        return this;
    }

    public void WriteRun(int failedCases) => new RunInfo
    {
        Target = "stub",
        Model = "gpt-4o",
        TimeScale = 0.1,
        Seed = 1,
        DateUtc = new DateTimeOffset(2026, 11, 25, 4, 30, 0, TimeSpan.Zero),
        Quick = false,
        BenchmarkArguments = ["--filter", "*"],
        GitCommit = "7f4182f00000",
        BenchmarkCases = 20,
        FailedCases = failedCases,
    }.Write(Directory);

    public void WriteSeedReport() => Write(
        "ChatBench.Benchmarks.Scenarios.SeedScenarioBenchmarks-report.csv",
        $"""
        Method,{JobColumns},{Statistics}
        Synchronous,{JobValues},272.7,67.73,3.71,1.00,0.02,262.8,0.96
        SequentialAsync,{JobValues},272.2,36.95,2.03,1.00,0.01,262.8,0.97
        Concurrent,{JobValues},217.5,27.65,1.52,0.80,0.01,211.0,0.97

        """);

    public void WriteSeedArrivals()
    {
        var text = new StringBuilder(SeedArrivalCsvExporter.Header).Append('\n');
        foreach (var (method, concurrent) in new[] { ("Synchronous", false), ("SequentialAsync", false), ("Concurrent", true) })
        {
            for (var iteration = 1; iteration <= 3; iteration++)
            {
                var longEnd = 214 + iteration;
                var shortStart = concurrent ? 0.5 : longEnd + 0.2;
                text.Append(CultureInfo.InvariantCulture, $"{method},{iteration},0,hockey-players,0.1,{longEnd},ok\n");
                text.Append(CultureInfo.InvariantCulture, $"{method},{iteration},1,two-plus-two,{shortStart},{shortStart + 55},ok\n");
            }
        }

        Write("ChatBench.Benchmarks.Scenarios.SeedScenarioBenchmarks-arrivals.csv", text.ToString());
    }

    public void WriteBatchReports()
    {
        var text = new StringBuilder($"Method,{JobColumns},BatchSize,{Statistics}\n");
        foreach (var size in new[] { 1, 10, 100 })
        {
            var sequential = size * 140.0;
            text.Append(CultureInfo.InvariantCulture, $"Sequential,{JobValues},{size},{sequential * 1.03},1,1,1.00,0.00,{sequential},0.97\n");
            text.Append(CultureInfo.InvariantCulture, $"WhenAll,{JobValues},{size},{220 + size * 0.3},1,1,{(220 + size * 0.3) / (sequential * 1.03):0.000},0.01,220,{220 / (220 + size * 0.3):0.00}\n");
            text.Append(CultureInfo.InvariantCulture, $"Semaphore,{JobValues},{size},{230 + size * 2.5},1,1,{(230 + size * 2.5) / (sequential * 1.03):0.000},0.01,{220 + size * 2.2},0.9\n");
        }

        Write("ChatBench.Benchmarks.Scenarios.BatchBenchmarks-report.csv", text.ToString());
        Write(
            "ChatBench.Benchmarks.Scenarios.LargeBatchBenchmarks-report.csv",
            $"Method,{JobColumns},BatchSize,{Statistics}\nWhenAll,{JobValues},1000,\"1,310.4\",5,5,-,-,220,0.17\nWhenAll,{JobValues},300,560.2,5,5,-,-,220,0.39\n");
    }

    public void WriteBoundedReport()
    {
        var text = new StringBuilder($"Method,{JobColumns},MaxInFlight,{Statistics}\n");
        foreach (var k in new[] { 1, 2, 4, 8, 16, 32 })
        {
            var ideal = 140.0 * 64 / k + 80;
            var mean = ideal * (1 + (k * 0.01));
            text.Append(CultureInfo.InvariantCulture, $"Semaphore,{JobValues},{k},{mean:0.0},1,1,-,-,{ideal:0.0},{ideal / mean:0.00}\n");
        }

        Write("ChatBench.Benchmarks.Scenarios.BoundedConcurrencyBenchmarks-report.csv", text.ToString());
    }

    public void WriteStreamingLatency() => Write(
        "ChatBench.Benchmarks.Scenarios.StreamingBenchmarks-latency.csv",
        """
        Method,Concurrency,requests,errors,ttft_p50_ms,ttft_p90_ms,ttft_p99_ms,e2e_p50_ms,e2e_p90_ms,e2e_p99_ms,itl_p50_ms
        Sequential,1,60,0,45.1,49.0,50.2,180.3,215.0,221.4,1.2
        Concurrent,10,60,0,46.0,50.3,53.9,182.0,217.2,224.8,1.2
        Concurrent,100,600,0,51.7,63.5,80.1,190.4,231.9,260.0,1.3

        """);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
