using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>The library's public entry point: a stub started on a free port, its health route and its counters.</summary>
public sealed class ChatStubTests
{
    private static readonly LatencyProfile Fast = LatencyProfile.Default with { TimeScale = 0.01 };

    [Theory]
    [InlineData("/health")]
    [InlineData("/v1/health")]
    public async Task Health_answers_200_for_a_readiness_probe(string path)
    {
        await using var stub = await ChatStub.StartAsync(new StubOptions { Profile = Fast }, TestContext.Current.CancellationToken);
        using var http = TestHttp.Client();

        using var response = await http.GetAsync(new Uri(stub.Url, path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, stub.Counters.Received);
    }

    [Fact]
    public async Task The_counters_count_each_request_once_by_its_outcome()
    {
        await using var stub = await ChatStub.StartAsync(new StubOptions { Profile = Fast, Faults = new StubFaults { ErrorRate = 1 } }, TestContext.Current.CancellationToken);
        using var http = TestHttp.Client();
        var chat = new Uri(stub.BaseUrl + "/chat/completions");
        var question = new { model = "gpt-4o", messages = new[] { new { role = "user", content = DefaultPromptRules.ShortQuestion } } };

        for (var i = 0; i < 3; i++)
        {
            using var failed = await http.PostAsJsonAsync(chat, question, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        using var unknownModel = await http.PostAsJsonAsync(chat, question with { model = "no-such-model" }, TestContext.Current.CancellationToken);
        var counters = await stub.WaitForIdleAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknownModel.StatusCode);
        Assert.Equal(new StubCounters { Received = 4, ServerErrors = 3, UnknownModels = 1, PeakInFlight = 1 }, counters);
    }

    [Fact]
    public async Task Waiting_for_idle_waits_for_a_request_whose_body_is_still_arriving()
    {
        await using var stub = await ChatStub.StartAsync(new StubOptions { Profile = Fast }, TestContext.Current.CancellationToken);
        var cancel = TestContext.Current.CancellationToken;
        var body = Encoding.UTF8.GetBytes("""{"model":"gpt-4o","messages":[{"role":"user","content":"What is 2+2?"}]}""");
        var head = Encoding.ASCII.GetBytes($"POST /v1/chat/completions HTTP/1.1\r\nHost: {stub.Url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        using var client = new TcpClient();
        await client.ConnectAsync(stub.Url.Host, stub.Url.Port, cancel);
        var stream = client.GetStream();
        await stream.WriteAsync(head.Concat(body.Take(10)).ToArray(), cancel);
        while (stub.Counters.Received == 0)
        {
            await Task.Delay(10, cancel);
        }

        // The stub has the request and waits for the rest of its body: nothing is answered, so nothing is idle.
        using (var soon = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            soon.CancelAfter(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stub.WaitForIdleAsync(soon.Token));
        }

        await stream.WriteAsync(body.AsMemory(10), cancel);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync(cancel);
        var counters = await stub.WaitForIdleAsync(cancel);

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Equal((1, 1), (counters.Received, counters.Answered));
    }
}
