using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Every client path checks every answer the same way: over a real socket, an answer without usage, with empty content
/// or cut by a content filter is a failed request with that reason, streamed or not, and the latency report counts each
/// reason apart.
/// </summary>
public sealed class AnswerValidationTests : IDisposable
{
    private static readonly string[] Paths = ["sdk", "sdk-blocking", "sdk-streaming", "raw", "raw-streaming", "extensions-ai"];

    private readonly string directory = Directory.CreateTempSubdirectory("chatbench-answers-").FullName;

    public static TheoryData<string, string, bool, string, string> Flaws()
    {
        var data = new TheoryData<string, string, bool, string, string>();
        foreach (var path in Paths)
        {
            data.Add(path, "Four.", true, "stop", "ok");
            data.Add(path, "Four.", false, "stop", "no usage");
            data.Add(path, string.Empty, true, "stop", "empty answer");
            data.Add(path, "Four.", true, "content_filter", "finish_reason content_filter");
            data.Add(path, "Four.", true, "length", "finish_reason length");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task Each_client_path_records_the_reason_an_answer_fails(string path, string content, bool usage, string finishReason, string expected)
    {
        using var server = new FlawedChatServer(content, usage, finishReason);
        var log = new RecordLog(directory, path);
        var batch = log.Begin(1);

        await SendAsync(path, server.BaseUri, PlannedPrompt.For(PromptMix.Batch(1), null)[0], batch);

        batch.Complete(failuresAreTheResult: true);
        log.Flush();
        Assert.Equal(expected, RecordLog.Read(directory, path).Single().Requests.Single().Outcome.ToString());
    }

    [Fact]
    public async Task The_latency_report_counts_each_failure_reason_apart_streamed_or_not()
    {
        (string Content, bool Usage, string FinishReason)[] answers = [("Four.", true, "stop"), ("Four.", false, "stop"), ("", true, "stop"), ("Four.", true, "content_filter")];
        var prompts = PlannedPrompt.For(PromptMix.Batch(2 * answers.Length), null);
        var batch = new RecordLog(directory, "mixed").Begin(prompts.Count);
        for (var i = 0; i < answers.Length; i++)
        {
            using var server = new FlawedChatServer(answers[i].Content, answers[i].Usage, answers[i].FinishReason);
            await SendAsync("sdk", server.BaseUri, prompts[2 * i], batch);
            await SendAsync("sdk-streaming", server.BaseUri, prompts[(2 * i) + 1], batch);
        }

        var error = Assert.Throws<InvalidOperationException>(batch.Complete);
        var latency = CaseLatency.Of(RecordLog.Read(directory, "mixed"));

        Assert.Contains("6 of 8 requests failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, latency.Succeeded);
        Assert.Equal("2 x empty answer; 2 x finish_reason content_filter; 2 x no usage", latency.ErrorSummary);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task SendAsync(string path, Uri baseUri, PlannedPrompt prompt, BatchRecorder batch)
    {
        var target = BenchTarget.ForStub(baseUri, "gpt-4o", BenchTarget.StubProfile(1, 1));
        switch (path)
        {
            case "sdk":
                await new SdkChatCall(ChatClientFactory.Create(target, TestTimeouts.Request)).SendAsync(prompt, batch);
                break;
            case "sdk-blocking":
                new BlockingSdkChatCall(ChatClientFactory.Create(target, TestTimeouts.Request)).Send(prompt, batch);
                break;
            case "sdk-streaming":
                await new SdkStreamingChatCall(ChatClientFactory.Create(target, TestTimeouts.Request)).SendAsync(prompt, batch);
                break;
            case "raw":
                using (var raw = new RawChatHttpClient(target, timeout: TestTimeouts.Request))
                {
                    await new RawChatCall(raw).SendAsync(prompt, batch);
                }

                break;
            case "raw-streaming":
                using (var raw = new RawChatHttpClient(target, timeout: TestTimeouts.Request))
                {
                    await new RawStreamingChatCall(raw).SendAsync(prompt, batch);
                }

                break;
            default:
                using (var client = ExtensionsAIChatClientFactory.Create(target, TestTimeouts.Request))
                {
                    await new ExtensionsAIChatCall(client).SendAsync(prompt, batch);
                }

                break;
        }
    }
}
