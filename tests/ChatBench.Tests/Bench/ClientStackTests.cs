using System.Text;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace ChatBench.Tests.Bench;

/// <summary>
/// Every client stack the client-stack benchmarks compare gets the same, valid answer from the real stub over loopback:
/// the planned text and the server's usage, streaming and not. A stack that lost the usage, the text or a chunk fails.
/// </summary>
public sealed class ClientStackTests : IDisposable
{
    private const double TimeScale = 0.02;
    private const long Seed = 7;

    private readonly ChatCompletionsStub stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, 1) });

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var stack in new[] { "raw", "sdk", "sdk-sync", "extensions-ai" })
        {
            foreach (var prompt in new[] { DefaultPromptRules.LongQuestion, DefaultPromptRules.ShortQuestion, PromptMix.ColourQuestion })
            {
                data.Add(stack, prompt, false);
                data.Add(stack, prompt, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_stack_gets_the_planned_answer_and_usage(string stack, string prompt, bool streaming)
    {
        var plan = stub.Expect(prompt, requestSeed: Seed);
        var target = Target(stub);

        var (content, outputTokens) = await Ask(stack, target, prompt, streaming);

        Assert.Equal(plan.Content, content);
        Assert.Equal(plan.CompletionTokens, outputTokens);
    }

    public static TheoryData<string> CatalogStacks() => [.. ClientStackCatalog.Names];

    [Theory]
    [MemberData(nameof(CatalogStacks))]
    public async Task Each_named_stack_records_the_planned_answer_and_usage(string name)
    {
        var target = Target(stub);
        var prompt = PlannedPrompt.For([new ChatPrompt(DefaultPromptRules.LongQuestion, Seed)], target.GroundTruth)[0];
        var records = Directory.CreateTempSubdirectory("chatbench-stacks-").FullName;
        try
        {
            using var stack = ClientStackCatalog.Open(name, target);
            var batch = new RecordLog(records, name).Begin(1);

            await stack.Call.SendAsync(prompt, batch);

            var record = Assert.Single(batch.Snapshot());
            Assert.Equal(RequestOutcome.Answered, record.Outcome);
            Assert.Equal(stub.Expect(DefaultPromptRules.LongQuestion, requestSeed: Seed).CompletionTokens, record.OutputTokens);
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_stack_name_is_refused_with_the_names_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => ClientStackCatalog.Open("sdk-fast", Target(stub)));

        Assert.Contains("sdk-tuned", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Raw_client_over_h2c_gets_the_same_answer_as_over_http11(bool streaming)
    {
        using var h2Stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, 1), Http2Only = true });
        var plan = h2Stub.Expect(DefaultPromptRules.LongQuestion, requestSeed: Seed);
        using var http2 = new RawChatHttpClient(Target(h2Stub), System.Net.HttpVersion.Version20, TestTimeouts.Request);

        var answer = streaming
            ? await http2.StreamAsync(DefaultPromptRules.LongQuestion, Seed, cancellationToken: TestContext.Current.CancellationToken)
            : await http2.CompleteAsync(DefaultPromptRules.LongQuestion, Seed, TestContext.Current.CancellationToken);

        Assert.Equal(plan.Content, answer.Content);
        Assert.Equal(plan.CompletionTokens, answer.OutputTokens);
    }

    [Fact]
    public async Task The_h2c_stub_refuses_http11_so_an_http2_run_cannot_silently_measure_http11()
    {
        using var h2Stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, 1), Http2Only = true });
        using var http11 = new RawChatHttpClient(Target(h2Stub), System.Net.HttpVersion.Version11, TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<Exception>(() => http11.CompleteAsync(DefaultPromptRules.ShortQuestion, Seed, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_client_over_h2c_gets_the_same_answer_as_over_http11(bool streaming)
    {
        using var h2Stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(TimeScale, 1), Http2Only = true });
        var plan = h2Stub.Expect(DefaultPromptRules.LongQuestion, requestSeed: Seed);
        using var http = new HttpClient(new HttpVersionHandler(System.Net.HttpVersion.Version20, new SocketsHttpHandler())) { Timeout = TestTimeouts.Request };

        var (content, outputTokens) = await AskSdkAsync(ChatClientFactory.Create(Target(h2Stub), http), new PlannedPrompt(0, new ChatPrompt(DefaultPromptRules.LongQuestion, Seed), null), streaming);

        Assert.Equal(plan.Content, content);
        Assert.Equal(plan.CompletionTokens, outputTokens);
    }

    [Fact]
    public async Task An_sdk_client_set_to_http2_fails_against_an_http11_server_instead_of_falling_back()
    {
        using var http = new HttpClient(new HttpVersionHandler(System.Net.HttpVersion.Version20, new SocketsHttpHandler())) { Timeout = TestTimeouts.Request };
        var sdk = ChatClientFactory.Create(Target(stub), http);

        await Assert.ThrowsAnyAsync<Exception>(() => sdk.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.ShortQuestion)], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Raw_streaming_delivers_one_content_delta_per_planned_token()
    {
        var plan = stub.Expect(DefaultPromptRules.ShortQuestion, requestSeed: Seed);
        using var raw = new RawChatHttpClient(Target(stub), timeout: TestTimeouts.Request);
        var deltas = new List<string>();

        var answer = await raw.StreamAsync(DefaultPromptRules.ShortQuestion, Seed, deltas.Add, TestContext.Current.CancellationToken);

        Assert.Equal(plan.CompletionTokens, deltas.Count);
        Assert.Equal(answer.Content, string.Concat(deltas));
    }

    public void Dispose() => stub.Dispose();

    private static BenchTarget Target(ChatCompletionsStub server) =>
        BenchTarget.ForStub(server.BaseUri, BenchOptions.DefaultModel, BenchTarget.StubProfile(TimeScale, 1));

    private static async Task<(string Content, int? OutputTokens)> Ask(string stack, BenchTarget target, string prompt, bool streaming)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var planned = new PlannedPrompt(0, new ChatPrompt(prompt, Seed), null);
        switch (stack)
        {
            case "raw":
            {
                using var raw = new RawChatHttpClient(target, timeout: TestTimeouts.Request);
                var answer = streaming ? await raw.StreamAsync(prompt, Seed, cancellationToken: cancellation) : await raw.CompleteAsync(prompt, Seed, cancellation);
                return (answer.Content, answer.OutputTokens);
            }

            case "sdk":
                return await AskSdkAsync(ChatClientFactory.Create(target, TestTimeouts.Request), planned, streaming);

            case "sdk-sync":
            {
                var sdk = ChatClientFactory.Create(target, TestTimeouts.Request);
                if (!streaming)
                {
                    ChatCompletion completion = sdk.CompleteChat([new UserChatMessage(prompt)], SdkChatCall.Options(planned), cancellation);
                    return (completion.Content[0].Text, completion.Usage?.OutputTokenCount);
                }

                var text = new StringBuilder();
                int? tokens = null;
                foreach (var update in sdk.CompleteChatStreaming([new UserChatMessage(prompt)], SdkChatCall.Options(planned), cancellation))
                {
                    foreach (var part in update.ContentUpdate)
                    {
                        text.Append(part.Text);
                    }

                    tokens = update.Usage?.OutputTokenCount ?? tokens;
                }

                return (text.ToString(), tokens);
            }

            default:
            {
                using var abstraction = ExtensionsAIChatClientFactory.Create(target, TestTimeouts.Request);
                if (!streaming)
                {
                    var response = await abstraction.GetResponseAsync(prompt, ExtensionsAIChatCall.Options(planned), cancellation);
                    return (response.Text, (int?)response.Usage?.OutputTokenCount);
                }

                var text = new StringBuilder();
                int? tokens = null;
                await foreach (var update in abstraction.GetStreamingResponseAsync(prompt, ExtensionsAIChatCall.Options(planned), cancellation))
                {
                    text.Append(update.Text);
                    foreach (var usage in update.Contents.OfType<UsageContent>())
                    {
                        tokens = (int?)usage.Details.OutputTokenCount ?? tokens;
                    }
                }

                return (text.ToString(), tokens);
            }
        }
    }

    private static async Task<(string Content, int? OutputTokens)> AskSdkAsync(ChatClient sdk, PlannedPrompt planned, bool streaming)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var prompt = planned.Prompt.Text;
        if (!streaming)
        {
            ChatCompletion completion = await sdk.CompleteChatAsync([new UserChatMessage(prompt)], SdkChatCall.Options(planned), cancellation);
            return (completion.Content[0].Text, completion.Usage?.OutputTokenCount);
        }

        var text = new StringBuilder();
        int? tokens = null;
        await foreach (var update in sdk.CompleteChatStreamingAsync([new UserChatMessage(prompt)], SdkChatCall.Options(planned), cancellation))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            tokens = update.Usage?.OutputTokenCount ?? tokens;
        }

        return (text.ToString(), tokens);
    }
}
