using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using OpenAI;
using OpenAI.Chat;

namespace StubInYourTests;

/// <summary>Tests like the ones a project of its own writes against the packaged stub: timeouts, 429s, counts.</summary>
public sealed class ChatStubTests
{
    private const string LongQuestion = "List the 5 most famous hockey players of the 20th century.";

    // A tenth of a real model's latency: the long answer takes about 210 ms instead of 2.1 s.
    private static readonly LatencyProfile Fast = LatencyProfile.Default with { TimeScale = 0.1 };

    [Fact]
    public async Task The_openai_sdk_gets_answers_and_the_counters_equal_the_requests_sent()
    {
        await using var stub = await ChatStub.StartAsync(new StubOptions { Profile = Fast }, TestContext.Current.CancellationToken);
        var client = new ChatClient("gpt-4o", new ApiKeyCredential("any"), new OpenAIClientOptions { Endpoint = stub.BaseUrl });

        for (var i = 0; i < 3; i++)
        {
            ChatCompletion answer = await client.CompleteChatAsync([new UserChatMessage("What is 2+2?")], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal("2 + 2 = 4.", answer.Content[0].Text);
        }

        var counters = await stub.WaitForIdleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, counters.Received);
        Assert.Equal(3, counters.Answered);
    }

    [Fact]
    public async Task A_client_timeout_shorter_than_the_planned_answer_fires()
    {
        // At a real model's speed: the answer is planned about 2.2 s out, the client gives up at half that.
        await using var stub = await ChatStub.StartAsync(new StubOptions(), TestContext.Current.CancellationToken);
        var plan = stub.Plan(LongQuestion);
        using var http = new HttpClient { Timeout = plan.Total / 2 };

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => http.PostAsJsonAsync(new Uri(stub.BaseUrl + "/chat/completions"), Ask(LongQuestion), TestContext.Current.CancellationToken));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        var counters = await stub.WaitForIdleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, counters.Received);
        Assert.Equal(0, counters.Answered);
    }

    [Fact]
    public async Task A_request_over_the_concurrency_limit_gets_429_with_retry_after()
    {
        // At a real model's speed, so the long answer is still in flight (2.2 s) when the second request arrives.
        await using var stub = await ChatStub.StartAsync(new StubOptions
        {
            Faults = new StubFaults { MaxConcurrency = 1, RetryAfter = TimeSpan.FromSeconds(2) },
        }, TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var chat = new Uri(stub.BaseUrl + "/chat/completions");

        var first = http.PostAsJsonAsync(chat, Ask(LongQuestion), TestContext.Current.CancellationToken);
        while (stub.Counters.InFlight == 0)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        using var refused = await http.PostAsJsonAsync(chat, Ask("What is 2+2?"), TestContext.Current.CancellationToken);
        using var answered = await first;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var counters = await stub.WaitForIdleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, counters.RateLimited);
        Assert.Equal(1, counters.Answered);
    }

    private static object Ask(string question) => new { model = "gpt-4o", messages = new[] { new { role = "user", content = question } } };
}
