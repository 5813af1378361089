using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub program: serves until stopped, answers real clients, and refuses bad options clearly.</summary>
public sealed partial class StandaloneServerTests
{
    [Fact]
    public async Task The_server_starts_on_a_free_port_and_answers_the_sdk()
    {
        using var server = Start("--port", "0", "--time-scale", "0.02", "--api-key", "k-123");
        using var deadline = Deadline();
        try
        {
            var line = await server.StandardOutput.ReadLineAsync(deadline.Token);
            var url = ListeningOn().Match(line ?? string.Empty);
            Assert.True(url.Success, $"no URL in '{line}'");
            Assert.DoesNotContain("k-123", line, StringComparison.Ordinal);

            var client = new ChatClient("gpt-4o", new System.ClientModel.ApiKeyCredential("k-123"), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(url.Value), NetworkTimeout = TestTimeouts.Request });
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
    public void The_arguments_the_benchmarks_start_the_stub_with_still_parse()
    {
        string[] faults = ["--max-concurrency", "4", "--protocol", "h2c"];
        using var server = ChatBench.Benchmarks.Targets.StubProcess.Start(ChatBench.Benchmarks.Targets.StubProcess.Arguments(0.1, 7, "wiremock", faults));

        Assert.Equal("/v1", server.BaseUri.AbsolutePath);
    }

    /// <summary>A stub program that neither answers nor exits fails its test after 30 s, as the harness gives it to start, instead of holding it.</summary>
    private static CancellationTokenSource Deadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        return deadline;
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBench.Stubs.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    [GeneratedRegex(@"http://\S+/v1")]
    private static partial Regex ListeningOn();
}
