using System.Diagnostics;
using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub program: serves until stopped, answers real clients, and refuses bad options clearly.</summary>
public sealed class StandaloneServerTests
{
    [Fact]
    public async Task The_server_starts_on_a_free_port_and_answers_the_sdk()
    {
        var launch = new StubLaunch(new StubOptions { Profile = LatencyProfile.Default with { TimeScale = 0.02 }, Faults = new StubFaults { ApiKey = "k-123" } }) { ParentProcessId = Environment.ProcessId };
        using var server = Start([.. StubArguments.For(launch)]);
        using var deadline = Deadline();
        try
        {
            var line = await server.StandardOutput.ReadLineAsync(deadline.Token);
            var humanReadable = await server.StandardOutput.ReadLineAsync(deadline.Token);
            Assert.True(StubAnnouncement.TryParse(line, out var announcement), $"the first line announces no address: '{line}'");
            Assert.Equal(server.Id, announcement.ProcessId);
            Assert.Contains($"listening on {announcement.BaseUrl}", humanReadable, StringComparison.Ordinal);
            Assert.DoesNotContain("k-123", line + humanReadable, StringComparison.Ordinal);

            var client = new ChatClient("gpt-4o", new System.ClientModel.ApiKeyCredential("k-123"), new OpenAI.OpenAIClientOptions { Endpoint = announcement.BaseUrl, NetworkTimeout = TestTimeouts.Request });
            ChatCompletion answer = await client.CompleteChatAsync([new UserChatMessage(DefaultPromptRules.ShortQuestion)], cancellationToken: deadline.Token);

            Assert.Equal("2 + 2 = 4.", answer.Content[0].Text);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("--time-scale", "abc", "--time-scale")]
    [InlineData("--bogus", "1", "--bogus")]
    [InlineData("--error-rate", "2", "--error-rate")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--pipeline", "grpc", "--pipeline")]
    [InlineData("--protocol", "h3", "--protocol")]
    [InlineData("--max-concurrency", "many", "--max-concurrency")]
    [InlineData("--max-body-bytes", "0", "--max-body-bytes")]
    [InlineData("--jitter", "1", "--jitter")]
    [InlineData("--slots", "0", "--slots")]
    [InlineData("--decode-slowdown", "-1", "--decode-slowdown")]
    [InlineData("--length-jitter", "1", "--length-jitter")]
    [InlineData("--profile", "/nonexistent/latency-profile.json", "--profile")]
    public async Task A_bad_option_is_a_one_line_error_and_exit_code_2(string option, string value, string named)
    {
        using var server = Start(option, value);
        using var deadline = Deadline();
        var errors = await server.StandardError.ReadToEndAsync(deadline.Token);
        await server.WaitForExitAsync(deadline.Token);

        Assert.Equal(2, server.ExitCode);
        Assert.StartsWith($"error: ", errors, StringComparison.Ordinal);
        Assert.Contains(named, errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
    }

    [Fact]
    public async Task Help_lists_the_options_and_exits_0()
    {
        using var server = Start("--help");
        using var deadline = Deadline();
        var output = await server.StandardOutput.ReadToEndAsync(deadline.Token);
        await server.WaitForExitAsync(deadline.Token);

        Assert.Equal(0, server.ExitCode);
        foreach (var option in (string[])["--port", "--host", "--time-scale", "--seed", "--api-key", "--max-concurrency", "--error-rate", "--stall-ms", "--cut-after", "--short-prompt-chars", "--pipeline", "--protocol", "--max-body-bytes", "--profile", "--replay-errors", "--length-jitter", "--ttft-per-token-ms"])
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_stub_process_starts_from_its_typed_description_and_reports_its_base_url()
    {
        var launch = new StubLaunch(new StubOptions
        {
            Profile = LatencyProfile.Default with { TimeScale = 0.1, Seed = 7 },
            Pipeline = StubPipeline.WireMockMapping,
            Faults = new StubFaults { MaxConcurrency = 4 },
            Http2Only = true,
        });
        using var server = ChatBench.Benchmarks.Targets.StubProcess.Start(launch);

        Assert.Equal("/v1", server.BaseUri.AbsolutePath);
    }

    [Fact]
    public void A_stub_process_that_cannot_listen_fails_with_the_programs_own_reason()
    {
        using var first = ChatBench.Benchmarks.Targets.StubProcess.Start(new StubLaunch(new StubOptions()));

        var taken = new StubLaunch(new StubOptions { Port = first.BaseUri.Port });
        var error = Assert.Throws<InvalidOperationException>(() => ChatBench.Benchmarks.Targets.StubProcess.Start(taken));

        Assert.Contains($"could not listen on 127.0.0.1:{first.BaseUri.Port}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stub program that neither answers nor exits fails its test after 30 s, as the harness gives it to start, instead of holding it.</summary>
    private static CancellationTokenSource Deadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        return deadline;
    }

    private static Process Start(params string[] args) => Process.Start(StubProgram.Dll(args))!;
}
