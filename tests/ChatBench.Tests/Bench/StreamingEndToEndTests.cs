using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;

namespace ChatBench.Tests.Bench;

/// <summary>Streamed through the real SDK from a real stub, the measured metrics agree with the stub's ground truth.</summary>
public sealed class StreamingEndToEndTests
{
    [Fact]
    public async Task Ten_concurrent_streams_measure_ttft_and_itl_close_to_the_configured_model()
    {
        var profile = BenchTarget.StubProfile(0.1, 1);
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = profile });
        var target = BenchTarget.ForStub(stub.BaseUri, "gpt-4o", profile);
        var client = ChatClientFactory.Create(target);
        var prompts = PlannedPrompt.For(PromptMix.Batch(10), profile);
        var directory = Directory.CreateTempSubdirectory("chatbench-streams-").FullName;
        try
        {
            // A fresh test process runs tier-0 code and recompiles it in the background for a while; like the
            // benchmarks' warm-up iteration, the first rounds are not measured.
            const int WarmUpRounds = 3;
            var log = new RecordLog(directory, "streams");
            var call = new SdkStreamingChatCall(client);
            for (var round = 0; round < WarmUpRounds + 2; round++)
            {
                var batch = log.Begin(prompts.Count);
                await Task.WhenAll(prompts.Select(p => call.SendAsync(p, batch)));
                batch.Complete();
            }

            log.Flush();
            var measured = RecordLog.Read(directory, "streams").Skip(WarmUpRounds).ToList();
            var latency = CaseLatency.Of(measured);

            Assert.Equal(20, latency.Succeeded);
            Assert.All(measured.SelectMany(i => i.Requests), r => Assert.Equal(prompts[r.Index].Plan!.CompletionTokens, r.OutputTokens));

            // Never earlier than configured; the median error stays small even on a noisy machine.
            Assert.True(latency.TtftError!.P50 is >= 0 and < 25, $"median TTFT error {latency.TtftError.P50:0.0} ms");
            Assert.True(latency.TtftError.Count == 20 && measured.SelectMany(i => i.Requests).All(r => r.FirstTokenMs - r.StartMs >= r.ExpectedTtftMs - 0.5));
            Assert.True(Math.Abs(latency.ItlError!.P50) < 1, $"median ITL error {latency.ItlError.P50:0.00} ms");
            Assert.InRange(latency.Itl!.P50, 1.0, 2.5);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
