using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A request's outcome is typed where the failure is seen: it shows the words reports always showed, counts as the
/// recorded-profile kind its type says, and survives the records and results files.
/// </summary>
public sealed class RequestOutcomeTests
{
    public static TheoryData<string, string, string?> Outcomes() => new()
    {
        { "answered", "ok", null },
        { "429", "http 429", ErrorKinds.RateLimited },
        { "500", "http 500", ErrorKinds.ServerError },
        { "503", "http 503", ErrorKinds.ServerError },
        { "504", "http 504", ErrorKinds.Timeout },
        { "408", "http 408", ErrorKinds.Timeout },
        { "404", "http 404", ErrorKinds.Other },
        { "client timeout", "timeout", ErrorKinds.Timeout },
        { "refused", "socket ConnectionRefused", ErrorKinds.Other },
        { "dropped", "socket ConnectionReset", ErrorKinds.Timeout },
        { "reset", "socket ConnectionReset", ErrorKinds.Cut },
        { "ended", "HttpIOException", ErrorKinds.Cut },
        { "empty", "empty answer", ErrorKinds.Cut },
        { "no usage", "no usage", ErrorKinds.Cut },
        { "no finish reason", "no finish_reason", ErrorKinds.Cut },
        { "filtered", "finish_reason content_filter", ErrorKinds.Other },
        { "length", "finish_reason length", ErrorKinds.Other },
        { "not completed", "not completed", ErrorKinds.Other },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_outcome_shows_its_words_and_counts_as_its_profile_kind(string name, string words, string? kind)
    {
        var outcome = Of(name);

        Assert.Equal(words, outcome.ToString());
        Assert.Equal(kind, outcome.ErrorKind);
        Assert.Equal(kind is null, outcome.Succeeded);
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_outcome_round_trips_through_a_records_file(string name, string words, string? kind)
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-outcomes-").FullName;
        try
        {
            var log = new RecordLog(directory, name);
            var batch = log.Begin(1);
            batch.Add(new RequestRecord { Index = 0, PromptClass = "short", StartMs = 0, EndMs = 1, Outcome = Of(name) });
            batch.Complete(failuresAreTheResult: true);
            log.Flush();

            var read = RecordLog.Read(directory, name).Single().Requests.Single().Outcome;

            Assert.Equal(Of(name), read);
            Assert.Equal((words, kind), (read.ToString(), read.ErrorKind));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Outcomes_are_json_objects_with_a_kind_and_what_that_kind_needs()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        Assert.Equal("""{"kind":"answered"}""", JsonSerializer.Serialize(RequestOutcome.Answered, options));
        Assert.Equal("""{"kind":"failed","status":429}""", JsonSerializer.Serialize(RequestOutcome.HttpStatus(429), options));
        Assert.Equal("""{"kind":"cut","cause":"HttpIOException"}""", JsonSerializer.Serialize(RequestOutcome.Cut("HttpIOException"), options));
        Assert.Equal("""{"kind":"finishReason","finishReason":"content_filter"}""", JsonSerializer.Serialize(RequestOutcome.Finished("content_filter"), options));
        Assert.Equal("""{"kind":"noUsage"}""", JsonSerializer.Serialize(RequestOutcome.NoUsage, options));
    }

    [Fact]
    public void A_results_file_round_trips_its_samples_outcomes()
    {
        var directory = Directory.CreateTempSubdirectory("chatbench-outcomes-").FullName;
        try
        {
            RequestOutcome[] outcomes = [RequestOutcome.Answered, RequestOutcome.HttpStatus(429), RequestOutcome.TimedOut, RequestOutcome.Cut("socket ConnectionReset"), RequestOutcome.NoFinishReason];
            var results = new ResultsFile
            {
                SchemaVersion = ResultsFile.CurrentSchemaVersion,
                Run = ResultsFixture.Run,
                Benchmark = new BenchmarkDescription { Type = "ChatBench.Benchmarks.Scenarios.StreamingBenchmarks", Name = "StreamingBenchmarks" },
                Cases = [new CaseResult { Method = "Streams", Success = true, Requests = outcomes.Select((o, i) => new RequestRecord { Index = i, PromptClass = "short", Prompt = "q", StartMs = 0, EndMs = 1, Outcome = o }).ToList() }],
            };

            var read = ResultsJson.Read(ResultsJson.Write(results, directory));

            Assert.Equal(outcomes, read.Cases[0].Requests!.Select(s => s.Outcome));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("ok", "ok", null)]
    [InlineData("http 429", "http 429", ErrorKinds.RateLimited)]
    [InlineData("timeout", "timeout", ErrorKinds.Timeout)]
    [InlineData("no usage", "no usage", ErrorKinds.Cut)]
    [InlineData("HttpIOException", "HttpIOException", ErrorKinds.Cut)]
    [InlineData("finish_reason content_filter", "finish_reason content_filter", ErrorKinds.Other)]
    [InlineData("not completed", "not completed", ErrorKinds.Other)]
    [InlineData("http 504", "http 504", ErrorKinds.Timeout)]
    [InlineData("http 408", "http 408", ErrorKinds.Timeout)]
    public void A_file_written_before_outcomes_had_a_type_still_reads(string written, string words, string? kind)
    {
        var line = $$"""{"invocation":0,"requests":[{"index":0,"promptClass":"short","startMs":0,"endMs":50,"outcome":"{{written}}"}]}""";

        var outcome = JsonSerializer.Deserialize<InvocationRecord>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Requests.Single().Outcome;

        Assert.Equal((words, kind), (outcome.ToString(), outcome.ErrorKind));
    }

    [Fact]
    public void An_outcome_of_an_unknown_kind_is_refused_with_the_kinds_it_could_be()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RequestOutcome>("""{"kind":"lost"}"""));

        Assert.Contains("not 'lost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("answered", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each outcome as the client paths make it: from the exception they catch or the answer they check. HttpClient wraps
    /// a failure before the response in an HttpRequestException ("dropped"); a body that breaks throws on its own ("reset").
    /// </summary>
    private static RequestOutcome Of(string name) => name switch
    {
        "answered" => AnswerRule.Outcome(new AnswerFacts(HasContent: true, 6, "stop", MaxTokensSet: false)),
        "client timeout" => FailureOutcome.Of(new TaskCanceledException("timed out", new TimeoutException())),
        "refused" => FailureOutcome.Of(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))),
        "dropped" => FailureOutcome.Of(new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))),
        "reset" => FailureOutcome.Of(new IOException("reset", new SocketException((int)SocketError.ConnectionReset))),
        "ended" => FailureOutcome.Of(new HttpIOException(HttpRequestError.ResponseEnded)),
        "empty" => AnswerRule.Outcome(new AnswerFacts(HasContent: false, 6, "stop", MaxTokensSet: false)),
        "no usage" => AnswerRule.Outcome(new AnswerFacts(HasContent: true, null, "stop", MaxTokensSet: false)),
        "no finish reason" => AnswerRule.Outcome(new AnswerFacts(HasContent: true, 6, null, MaxTokensSet: false)),
        "filtered" => AnswerRule.Outcome(new AnswerFacts(HasContent: true, 6, "content_filter", MaxTokensSet: false)),
        "length" => AnswerRule.Outcome(new AnswerFacts(HasContent: true, 6, "length", MaxTokensSet: false)),
        "not completed" => RequestOutcome.NotCompleted,
        _ => FailureOutcome.Of(new HttpRequestException("status", null, (HttpStatusCode)int.Parse(name, System.Globalization.CultureInfo.InvariantCulture))),
    };
}
