using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub speaks the chat-completions protocol the way the OpenAI SDK expects, on both pipelines.</summary>
public sealed class ChatCompletionsProtocolTests
{
    public static TheoryData<StubPipeline> Pipelines => [StubPipeline.FastPath, StubPipeline.WireMockMapping];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task A_completion_carries_the_planned_answer_the_echoed_model_and_usage(StubPipeline pipeline)
    {
        using var stub = StubClient.Start(pipeline: pipeline);
        var client = StubClient.For(stub, model: "gpt-4o-mini");

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: TestContext.Current.CancellationToken);

        var plan = stub.Expect(DefaultPromptRules.LongQuestion);
        Assert.Equal(plan.Content, completion.Content[0].Text);
        Assert.Equal("gpt-4o-mini", completion.Model);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(plan.CompletionTokens, completion.Usage.OutputTokenCount);
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        Assert.StartsWith("chatcmpl-", completion.Id, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task A_stream_sends_one_delta_per_token_then_usage(StubPipeline pipeline)
    {
        using var stub = StubClient.Start(pipeline: pipeline);
        var client = StubClient.For(stub);
        var deltas = new List<string>();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: TestContext.Current.CancellationToken))
        {
            deltas.AddRange(update.ContentUpdate.Select(part => part.Text).Where(text => text.Length > 0));
            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        var plan = stub.Expect(DefaultPromptRules.LongQuestion);
        Assert.Equal(plan.Rule.Tokens, deltas);
        Assert.Equal(plan.Content, string.Concat(deltas));
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.Equal(plan.CompletionTokens, usage.OutputTokenCount);
    }

    [Fact]
    public async Task The_raw_event_stream_is_role_then_content_then_finish_then_usage_then_done()
    {
        using var stub = StubClient.Start();
        var events = await RawEventsAsync(stub, includeUsage: true);

        Assert.Contains("\"role\":\"assistant\"", events[0], StringComparison.Ordinal);
        var tokens = stub.Expect(DefaultPromptRules.ShortQuestion).CompletionTokens;
        Assert.All(events.Skip(1).Take(tokens), e => Assert.Contains("\"delta\":{\"content\":", e, StringComparison.Ordinal));
        Assert.Contains("\"finish_reason\":\"stop\"", events[tokens + 1], StringComparison.Ordinal);
        Assert.Contains("\"choices\":[],\"usage\":{\"prompt_tokens\":", events[tokens + 2], StringComparison.Ordinal);
        Assert.Equal("[DONE]", events[^1]);
        Assert.Equal(tokens + 4, events.Count);
    }

    [Fact]
    public async Task Without_include_usage_the_stream_has_no_usage_event()
    {
        using var stub = StubClient.Start();
        var events = await RawEventsAsync(stub, includeUsage: false);

        Assert.DoesNotContain(events, e => e.Contains("\"usage\"", StringComparison.Ordinal));
        Assert.Equal("[DONE]", events[^1]);
    }

    [Fact]
    public async Task Max_tokens_cuts_the_answer_with_finish_reason_length()
    {
        using var stub = StubClient.Start();
        var client = StubClient.For(stub);
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 5 };

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], options, TestContext.Current.CancellationToken);
        var streamed = new StringBuilder();
        ChatFinishReason? streamedFinish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], new ChatCompletionOptions { MaxOutputTokenCount = 5 }, TestContext.Current.CancellationToken))
        {
            streamed.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            streamedFinish ??= update.FinishReason;
        }

        var expected = string.Concat(stub.Expect(DefaultPromptRules.LongQuestion).Rule.Tokens.Take(5));
        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
        Assert.Equal(5, completion.Usage.OutputTokenCount);
        Assert.Equal(expected, completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Length, streamedFinish);
        Assert.Equal(expected, streamed.ToString());
    }

    private static async Task<List<string>> RawEventsAsync(ChatCompletionsStub stub, bool includeUsage)
    {
        using var http = TestHttp.Client();
        var body = $$"""{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":{{(includeUsage ? "true" : "false")}}},"messages":[{"role":"user","content":"{{DefaultPromptRules.ShortQuestion}}"}]}""";
        using var response = await http.PostAsync(new Uri(stub.BaseUri + "/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => Assert.IsType<string>(e.StartsWith("data: ", StringComparison.Ordinal) ? e["data: ".Length..] : null)).ToList();
    }
}
