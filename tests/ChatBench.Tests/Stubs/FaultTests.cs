using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>Each fault reaches the SDK as the status and OpenAI-style error a real API would send.</summary>
[Collection(ProcessWideState.Name)]
public sealed class FaultTests
{
    [Fact]
    public async Task A_required_key_rejects_missing_and_wrong_keys_with_401_and_accepts_the_right_one()
    {
        using var stub = StubClient.Start(faults: new StubFaults { ApiKey = "right-key" });

        var wrong = await Assert.ThrowsAsync<ClientResultException>(() => StubClient.For(stub, "wrong-key").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken));
        var right = await StubClient.For(stub, "right-key").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken);
        using var http = TestHttp.Client();
        using var missing = await http.PostAsync(new Uri(stub.BaseUri + "/chat/completions"), Json("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(401, wrong.Status);
        Assert.Contains("invalid_api_key", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", wrong.Message, StringComparison.Ordinal);
        Assert.NotEmpty(right.Value.Content[0].Text);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        var error = await ErrorAsync(missing);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Requests_above_the_capacity_get_429_with_retry_after()
    {
        using var stub = StubClient.Start(timeScale: 0.2, faults: new StubFaults { MaxConcurrency = 2, RetryAfter = TimeSpan.FromMilliseconds(1500) });
        using var http = TestHttp.Client();
        var body = $$"""{"model":"gpt-4o","messages":[{"role":"user","content":"{{DefaultPromptRules.LongQuestion}}"}]}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.PostAsync(new Uri(stub.BaseUri + "/chat/completions"), Json(body), TestContext.Current.CancellationToken)));
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var sdkError = await Assert.ThrowsAsync<ClientResultException>(async () =>
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StubClient.For(stub).CompleteChatAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: TestContext.Current.CancellationToken))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, limited.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), limited[0].Headers.RetryAfter?.Delta);
        Assert.Equal("1500", limited[0].Headers.GetValues("retry-after-ms").Single());
        var error = await ErrorAsync(limited[0]);
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal(429, sdkError.Status);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_error_rate_of_one_answers_500_to_every_request()
    {
        using var stub = StubClient.Start(faults: new StubFaults { ErrorRate = 1 });

        var error = await Assert.ThrowsAsync<ClientResultException>(() => StubClient.For(stub).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(500, error.Status);
        Assert.Contains("server_error", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, stub.Statistics.ServerErrors);
    }

    [Fact]
    public async Task An_error_rate_hits_about_that_fraction_of_requests()
    {
        using var stub = StubClient.Start(timeScale: 0.01, faults: new StubFaults { ErrorRate = 0.3 });
        var client = StubClient.For(stub);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            try
            {
                await client.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken);
                return 200;
            }
            catch (ClientResultException e)
            {
                return e.Status;
            }
        }));

        Assert.InRange(outcomes.Count(s => s == 500), 30, 90);
        Assert.Equal(200, outcomes.Count(s => s is 200 or 500));
    }

    [Fact]
    public async Task A_stall_before_the_first_byte_trips_the_client_timeout_without_hanging()
    {
        using var stub = StubClient.Start(faults: new StubFaults { StallBeforeFirstByte = TimeSpan.FromMinutes(5) });
        var client = StubClient.For(stub, networkTimeout: TimeSpan.FromMilliseconds(500));
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(error is TaskCanceledException or TimeoutException or OperationCanceledException, $"unexpected {error.GetType().Name}: {error.Message}");
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(20));
        Assert.Equal(1, stub.Statistics.Stalled);
    }

    [Fact]
    public async Task A_cut_stream_surfaces_as_an_error_not_as_a_short_answer()
    {
        using var stub = StubClient.Start(faults: new StubFaults { CutStreamAfterEvents = 4 });
        var client = StubClient.For(stub);
        var tokens = 0;

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: TestContext.Current.CancellationToken))
            {
                tokens += update.ContentUpdate.Count(p => p.Text.Length > 0);
            }
        });

        Assert.Equal(3, tokens);
        Assert.Equal(1, stub.Statistics.Cut);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = json.RootElement.GetProperty("error").Clone();
        Assert.True(error.TryGetProperty("message", out _) && error.TryGetProperty("type", out _) && error.TryGetProperty("param", out _) && error.TryGetProperty("code", out _));
        return error;
    }
}
