using System.Net;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Bench;

/// <summary>The bare sender, the generator's floor, gets every answer of its schedule from a real stub over connections it opened first.</summary>
public sealed class BareOpenLoopSenderTests
{
    [Fact]
    public async Task Every_scheduled_request_is_answered_with_its_usage_and_a_send_lag()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.02, 1) });
        var offsets = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, 200, 0.5, 3);
        var prompts = PlannedPrompt.For(offsets.Select((_, i) => new ChatPrompt(DefaultPromptRules.ShortQuestion, i)).ToList(), null);
        var requests = prompts.Select(p => BareChatRequest.Build(stub.BaseUri, "gpt-4o", p)).ToList();
        var answers = new (double Lag, int Status, int? Tokens)?[offsets.Length];
        var records = Directory.CreateTempSubdirectory("chatbench-bare-");
        try
        {
            using var sender = await BareOpenLoopSender.OpenAsync(new DnsEndPoint(stub.BaseUri.Host, stub.BaseUri.Port), 8);
            var batch = new RecordLog(records.FullName, "bare").Begin(offsets.Length);

            await sender.RunAsync(offsets, requests, batch, (i, lag, status, tokens) => answers[i] = (lag, status, tokens), TimeSpan.FromSeconds(30));

            Assert.All(answers, a => Assert.NotNull(a));
            Assert.All(answers, a => Assert.Equal(200, a!.Value.Status));
            Assert.All(answers, a => Assert.True(a!.Value.Tokens > 0, "an answer without its usage's completion tokens"));
            Assert.All(answers, a => Assert.True(a!.Value.Lag >= 0));
            Assert.Equal(offsets.Length, stub.Statistics.Succeeded);
        }
        finally
        {
            records.Delete(recursive: true);
        }
    }
}
