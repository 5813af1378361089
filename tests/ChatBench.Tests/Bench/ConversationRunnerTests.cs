using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;
using ChatBench.Tests.Stubs;
using OpenAI;
using OpenAI.Chat;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Conversations through the real SDK against a real stub with its prefix cache: each turn carries the answers the
/// stub returned word for word, waits its think time after the previous answer, and reports the cached prefix.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class ConversationRunnerTests
{
    private static readonly TimeSpan Think = TimeSpan.FromMilliseconds(60);

    [Fact]
    public async Task Each_turn_sends_the_answers_the_stub_returned_and_waits_its_think_time()
    {
        var profile = BenchTarget.StubProfile(0.05, 1) with { TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(0.1) };
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = profile });
        var capture = new RequestBodyCapture();
        var runner = new ConversationRunner(new SdkStreamingChatCall(Client(stub, capture)), profile, thinkScale: 1);
        var system = PromptText.OfTokens(1_200);
        IReadOnlyList<IReadOnlyList<ChatSession>> users =
        [
            [Session("a", system, "Why is my invoice wrong?", "Which formats do you accept?", "Thanks, how long does it take?")],
            [Session("b", system, "My parcel never arrived.", "It was sent to my old address.", "Can you send it again?")],
        ];
        var records = Directory.CreateTempSubdirectory("chatbench-conversation-").FullName;
        try
        {
            var batch = new RecordLog(records, "conversation").Begin(requests: ConversationRunner.Requests(users));

            await runner.RunAsync(users, batch, firstSeed: 100);
            var sent = batch.Snapshot();
            batch.Complete();

            Assert.Equal(6, stub.Statistics.Received);
            Assert.All(sent, r => Assert.Equal(RequestOutcome.Answered, r.Outcome));
            foreach (var session in sent.GroupBy(r => r.Session))
            {
                var turns = session.OrderBy(r => r.Turn).ToList();
                Assert.Equal([0, 1, 2], turns.Select(r => r.Turn));
                for (var turn = 1; turn < turns.Count; turn++)
                {
                    // Sent the think time after the previous answer ended, never sooner, and within the 10 ms the timing goal
                    // allows: 16 runs in a row passed once the next request was built during the think time (before, the
                    // building came after it and one gap in 18 was 10.4 ms late).
                    var gap = turns[turn].StartMs - turns[turn - 1].EndMs;
                    Assert.InRange(gap, Think.TotalMilliseconds, Think.TotalMilliseconds + 10);

                    // The whole earlier prompt is cached, in 128-token blocks, and the plan follows it.
                    Assert.InRange(turns[turn].CachedTokens!.Value, turns[turn - 1].PromptTokens!.Value - 128, turns[turn].PromptTokens!.Value);
                    Assert.InRange(turns[turn].TtftMs!.Value - turns[turn].ExpectedTtftMs!.Value, -1, 30);
                }
            }

            // Every assistant message a turn sends is the stub's answer to that earlier turn, word for word.
            var bodies = capture.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("messages").EnumerateArray().Select(m => (Role: m.GetProperty("role").GetString(), Content: m.GetProperty("content").GetString()!)).ToList()).ToList();
            foreach (var messages in bodies.Where(m => m.Count > 2))
            {
                for (var i = 2; i < messages.Count; i += 2)
                {
                    var answered = bodies.Single(b => b.Count == i && b.SequenceEqual(messages.Take(i)));
                    Assert.Equal("assistant", messages[i].Role);
                    Assert.Equal(AnswerTo(stub, sent, answered), messages[i].Content);
                }
            }
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    [Fact]
    public async Task Scheduled_sessions_start_at_their_times_and_count_the_first_turns_latency_from_there()
    {
        var profile = BenchTarget.StubProfile(0.05, 1);
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = profile });
        var runner = new ConversationRunner(new SdkStreamingChatCall(Client(stub, new RequestBodyCapture())), profile, thinkScale: 1);
        (ChatSession, double)[] arrivals = [(Session("a", null, "One?", "Two?"), 0), (Session("b", null, "Three?", "Four?"), 150)];
        var records = Directory.CreateTempSubdirectory("chatbench-conversation-").FullName;
        try
        {
            var batch = new RecordLog(records, "arrivals").Begin(requests: 4);

            await runner.RunScheduledAsync(arrivals, batch, firstSeed: 0);
            var sent = batch.Snapshot().OrderBy(r => r.Index).ToList();
            batch.Complete();

            Assert.Equal(["a", "a", "b", "b"], sent.Select(r => r.Session));
            Assert.Equal([0.0, 150.0], sent.Where(r => r.Turn == 0).Select(r => r.StartMs));
            Assert.All(sent.Where(r => r.Turn == 0), r => Assert.InRange(r.SendLagMs!.Value, 0, 10));
            // The plan moves by the send lag, so the TTFT error is the harness's own, as in the open-loop classes.
            Assert.All(sent.Where(r => r.Turn == 0), r => Assert.InRange(r.TtftMs!.Value - r.ExpectedTtftMs!.Value, -1, 30));
            Assert.All(sent.Where(r => r.Turn == 1), r => Assert.Null(r.SendLagMs));
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_turn_ends_its_session_and_the_turns_after_it_are_not_sent()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.05, 1), Faults = new StubFaults { ErrorRate = 1 } });
        var runner = new ConversationRunner(new SdkStreamingChatCall(Client(stub, new RequestBodyCapture())), stub.Profile, thinkScale: 1);
        IReadOnlyList<IReadOnlyList<ChatSession>> users = [[Session("a", null, "One?", "Two?", "Three?")]];
        var records = Directory.CreateTempSubdirectory("chatbench-conversation-").FullName;
        try
        {
            var batch = new RecordLog(records, "conversation").Begin(requests: 3);

            await runner.RunAsync(users, batch, firstSeed: 0);
            var sent = batch.Snapshot();
            batch.Complete(failuresAreTheResult: true);

            Assert.Equal(1, stub.Statistics.Received);
            Assert.Equal([RequestOutcome.HttpStatus(500), RequestOutcome.NotCompleted, RequestOutcome.NotCompleted], sent.OrderBy(r => r.Index).Select(r => r.Outcome));
            Assert.Equal([0, 1, 2], sent.OrderBy(r => r.Index).Select(r => r.Turn));
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    private static ChatSession Session(string id, string? system, params string[] turns) =>
        new(id, system, [.. turns.Select((t, i) => new SessionTurn(t, 40, i == 0 ? TimeSpan.Zero : Think))]);

    /// <summary>The stub's planned answer to the request whose messages were <paramref name="messages"/>.</summary>
    private static string AnswerTo(ChatCompletionsStub stub, IReadOnlyList<RequestRecord> sent, List<(string? Role, string Content)> messages)
    {
        var request = sent.Single(r => r.Prompt == messages[^1].Content && r.PromptTokens == PromptTokenCounter.Conversation(messages.Select(m => m.Content)));
        return stub.Expect(request.Prompt!, 40, 100 + request.Index, request.PromptTokens).Content;
    }

    private static ChatClient Client(ChatCompletionsStub stub, RequestBodyCapture capture)
    {
        var options = new OpenAIClientOptions { Endpoint = stub.BaseUri, RetryPolicy = new ClientRetryPolicy(0) };
        options.AddPolicy(capture, PipelinePosition.PerCall);
        return new ChatClient("gpt-4o", new ApiKeyCredential(BenchTarget.StubApiKey), options);
    }
}
