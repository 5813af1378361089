using System.Text.Json;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Results written when a streaming case's requests were samples (times from the request's start, TTFT, ITL and E2E
/// precomputed) still read, as records whose own TTFT, ITL and E2E are the ones the samples held.
/// </summary>
public sealed class RequestSamplesCompatibilityTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Data", "Results", "streaming-request-samples.json");

    [Fact]
    public void A_results_file_with_request_samples_reads_as_records_with_the_same_latencies()
    {
        using var written = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var samples = written.RootElement.GetProperty("cases")[0].GetProperty("requests").EnumerateArray().ToList();

        var requests = ResultsJson.Read(File).Cases[0].Requests!;

        Assert.Equal(samples.Count, requests.Count);
        foreach (var (sample, request) in samples.Zip(requests))
        {
            var latency = RequestLatency.Of(request)!;
            Assert.Equal(sample.GetProperty("class").GetString(), request.PromptClass);
            Assert.Equal(sample.GetProperty("prompt").GetString(), request.Prompt);
            Assert.Equal(sample.GetProperty("ttftMs").GetDouble(), latency.Ttft);
            Assert.Equal(sample.GetProperty("e2eMs").GetDouble(), latency.E2E);
            Assert.Equal(sample.GetProperty("itlMs").GetDouble(), latency.Itl!.Value, 0.0011);
            Assert.Equal(sample.GetProperty("outputTokens").GetInt32(), request.OutputTokens);
        }
    }

    [Fact]
    public void Requests_written_as_records_read_back_as_written()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-requests-").FullName;
        try
        {
            var results = ResultsJson.Read(File);

            var read = ResultsJson.Read(ResultsJson.Write(results, directory));

            Assert.Equal(results.Cases[0].Requests, read.Cases[0].Requests);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
