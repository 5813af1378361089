using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Tests.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>
/// A profile's errors survive a replay: each kind of failure the stub replays comes back, through the client paths a
/// profile is recorded from (streams), as the same kind in the record, so a profile recorded from a replay counts what
/// was replayed.
/// </summary>
public sealed class ReplayedErrorKindTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chatbench-replayed-kinds-").FullName;

    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in (string[])["sdk-streaming", "raw-streaming"])
        {
            foreach (var kind in (string[])[ErrorKinds.RateLimited, ErrorKinds.ServerError, ErrorKinds.Timeout, ErrorKinds.Cut])
            {
                data.Add(path, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_replayed_error_is_recorded_as_its_own_kind(string path, string kind)
    {
        var profile = LatencyProfile.Default with { Replay = new ProfileReplay(ProfileReplayTests.Profile(1, kind), replayErrors: true) };
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = profile });
        var target = BenchTarget.ForStub(stub.BaseUri, "gpt-4o", profile);
        var log = new RecordLog(directory, path + kind);
        var batch = log.Begin(1);
        var prompt = PlannedPrompt.For(PromptMix.Batch(1), null)[0];

        if (path == "sdk-streaming")
        {
            await new SdkStreamingChatCall(ChatClientFactory.Create(target)).SendAsync(prompt, batch);
        }
        else
        {
            using var raw = new RawChatHttpClient(target);
            await new RawStreamingChatCall(raw).SendAsync(prompt, batch);
        }

        var outcome = batch.Snapshot().Single().Outcome;
        Assert.True(kind == outcome.ErrorKind, $"replayed {kind}, recorded {outcome} ({outcome.Kind}) as {outcome.ErrorKind}");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
