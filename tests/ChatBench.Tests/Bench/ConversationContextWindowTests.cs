using System.ClientModel;
using System.ClientModel.Primitives;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;
using ChatBench.Tests.Stubs;
using OpenAI;
using OpenAI.Chat;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A conversation that outgrows the context window: refused by the endpoint with OpenAI's 400, counted apart as
/// <c>context_length_exceeded</c>, or, with <c>--context-window</c>, kept within it by dropping the oldest exchanges.
/// </summary>
public sealed class ConversationContextWindowTests
{
    private const int Window = 2_500;

    [Fact]
    public void The_oldest_exchanges_go_first_and_the_system_prompt_and_the_message_sent_stay()
    {
        WorkloadMessage[] messages =
        [
            new("system", "Be brief."),
            new("user", PromptText.OfTokens(1_000)), new("assistant", PromptText.OfTokens(1_000, 7)),
            new("user", "second"), new("assistant", "two"),
            new("user", PromptText.OfTokens(500, 3)),
        ];

        var fitted = ContextWindowFit.Fit(messages, 1_000, maxTokens: 100);

        Assert.Equal(["system", "user", "assistant", "user"], fitted.Select(m => m.Role));
        Assert.Equal(["Be brief.", "second", "two", messages[^1].Content], fitted.Select(m => m.Content));
        Assert.Equal(messages, ContextWindowFit.Fit(messages, 10_000, maxTokens: 100));
        // Nothing more to drop: what is left is sent as it is, for the endpoint to refuse.
        Assert.Equal(["system", "user"], ContextWindowFit.Fit(messages, 10, maxTokens: null).Select(m => m.Role));
    }

    [Fact]
    public async Task Without_the_option_the_turn_that_outgrows_the_window_gets_a_400_counted_as_context_length_exceeded()
    {
        var (sent, received) = await RunAsync(contextWindow: null);

        Assert.Equal(2, received);
        Assert.Equal(
            [RequestOutcome.Answered, RequestOutcome.HttpStatus(400, "context_length_exceeded"), RequestOutcome.NotCompleted],
            sent.Select(r => r.Outcome));
        Assert.Equal("http 400 context_length_exceeded", sent[1].Outcome.ToString());
    }

    [Fact]
    public async Task With_the_option_every_turn_fits_by_dropping_the_oldest_exchanges()
    {
        var (sent, received) = await RunAsync(contextWindow: Window);

        Assert.Equal(3, received);
        Assert.All(sent, r => Assert.Equal(RequestOutcome.Answered, r.Outcome));
        Assert.All(sent, r => Assert.True(r.PromptTokens + 40 <= Window, $"turn {r.Turn}: {r.PromptTokens} prompt tokens"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void A_bad_window_is_one_line_naming_the_option(string value)
    {
        Assert.False(BenchCommandLine.TryParse(["--context-window", value], out _, out var error));
        Assert.Contains("--context-window", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.TrimEnd());
        Assert.True(BenchCommandLine.TryParse(["--context-window", "8000"], out var options, out _));
        Assert.Equal(8_000, options.ContextWindow);
    }

    /// <summary>One session of three long turns against a stub whose window is <see cref="Window"/> tokens.</summary>
    private static async Task<(List<RequestRecord> Sent, long Received)> RunAsync(int? contextWindow)
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.02, 1), ContextWindow = Window });
        var options = new OpenAIClientOptions { Endpoint = stub.BaseUri, RetryPolicy = new ClientRetryPolicy(0) };
        var runner = new ConversationRunner(new SdkStreamingChatCall(new ChatClient("gpt-4o", new ApiKeyCredential(BenchTarget.StubApiKey), options)), stub.Profile, 1, contextWindow);
        var session = new ChatSession("long", null, [.. Enumerable.Range(0, 3).Select(i => new SessionTurn(PromptText.OfTokens(1_400, i), 40, TimeSpan.Zero))]);
        var records = Directory.CreateTempSubdirectory("chatbench-window-").FullName;
        try
        {
            var batch = new RecordLog(records, "window").Begin(requests: 3);
            await runner.RunAsync([[session]], batch, firstSeed: 0);
            var sent = batch.Snapshot().OrderBy(r => r.Index).ToList();
            batch.Complete(failuresAreTheResult: true);
            return (sent, stub.Statistics.Received);
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }
}
