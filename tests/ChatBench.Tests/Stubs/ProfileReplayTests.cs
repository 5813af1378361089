using System.ClientModel;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub replaying a recorded profile over real sockets: the recorded timing and length, and errors when asked.</summary>
public sealed class ProfileReplayTests
{
    private static readonly double[] Grid = [.. RecordedProfile.StandardGrid];

    [Fact]
    public async Task A_replayed_answer_has_the_recorded_length_and_comes_no_sooner_than_its_recorded_ttft()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { Replay = new ProfileReplay(Profile(errorRate: 0), replayErrors: true) } });

        var started = System.Diagnostics.Stopwatch.StartNew();
        ChatCompletion answer = await StubClient.For(stub).CompleteChatAsync([new UserChatMessage("hello")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(12, answer.Usage.OutputTokenCount);
        Assert.True(started.ElapsedMilliseconds >= 40 + (11 * 2), $"{started.ElapsedMilliseconds} ms");
        Assert.Equal(12, stub.Expect("hello").CompletionTokens);
    }

    [Fact]
    public async Task Recorded_rate_limits_replay_as_429_with_replay_errors()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { Replay = new ProfileReplay(Profile(errorRate: 1), replayErrors: true) } });

        var error = await Assert.ThrowsAsync<ClientResultException>(() => StubClient.For(stub).CompleteChatAsync([new UserChatMessage("hello")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(429, error.Status);
    }

    [Fact]
    public async Task Recorded_cut_streams_and_timeouts_replay_as_broken_connections()
    {
        using var cut = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { Replay = new ProfileReplay(Profile(1, ErrorKinds.Cut), replayErrors: true) } });
        using var timeout = ChatCompletionsStub.Start(new StubOptions { Profile = LatencyProfile.Default with { Replay = new ProfileReplay(Profile(1, ErrorKinds.Timeout), replayErrors: true) } });
        var cancellation = TestContext.Current.CancellationToken;

        var tokens = 0;
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in StubClient.For(cut).CompleteChatStreamingAsync([new UserChatMessage("hello")], cancellationToken: cancellation))
            {
                tokens += update.ContentUpdate.Count(p => p.Text.Length > 0);
            }
        });
        await Assert.ThrowsAnyAsync<Exception>(() => StubClient.For(timeout).CompleteChatAsync([new UserChatMessage("hello")], cancellationToken: cancellation));

        // The cut stream got its first half (6 of 12 tokens) before it broke.
        Assert.Equal(6, tokens);
        Assert.Equal(1, cut.Statistics.Cut);
        Assert.Equal(1, timeout.Statistics.Cut);
    }

    internal static RecordedProfile Profile(double errorRate, string kind = ErrorKinds.RateLimited) => new()
    {
        SchemaVersion = RecordedProfile.CurrentSchemaVersion,
        Target = "live",
        Model = "gpt-4o",
        DateUtc = DateTimeOffset.UnixEpoch,
        QuantileGrid = Grid,
        Prompts = [],
        Classes =
        [
            new RecordedGroup
            {
                Class = "any",
                PromptTokens = 10,
                Samples = 1,
                TtftMs = [.. Grid.Select(_ => 40.0)],
                ItlMs = [.. Grid.Select(_ => 2.0)],
                OutputTokens = [.. Grid.Select(_ => 12.0)],
                E2EMs = [.. Grid.Select(_ => 62.0)],
            },
        ],
        TtftByPromptTokens = new FittedLine(40, 0, 1),
        Errors = new RecordedErrors { Requests = 1, Kinds = new Dictionary<string, RecordedErrorKind> { [kind] = new(1, errorRate, 1) } },
    };
}
