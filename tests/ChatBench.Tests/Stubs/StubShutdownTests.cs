using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// The stub program stops cleanly: on SIGTERM it refuses new connections, lets a stream in flight finish within its
/// grace period or cuts it after, and exits 0; started with its parent's pid, it dies with a parent killed by SIGKILL.
/// Real processes, real signals; bounds from measured spreads (noted at each), so these run one at a time.
/// </summary>
[Collection(ProcessWideState.Name)]
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class StubShutdownTests
{
    [Fact]
    public async Task On_sigterm_a_stream_in_flight_finishes_while_new_connections_are_refused_and_the_program_exits_0()
    {
        // At real speed the long answer streams for about 2.2 s; the grace is far longer.
        using var http = new HttpClient();
        var (stub, stream, reading, clock) = await StreamThenTerminateAsync(http, TimeSpan.FromSeconds(20));
        using var stubProgram = stub;
        using var response = stream;
        while (!await StubProgram.RefusesConnectionsAsync(stub.Root.Port))
        {
            // Measured: refused 2-40 ms after the signal (15 runs on a loaded two-core machine).
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "the stub still accepted connections 1 s after SIGTERM");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"refused {clock.Elapsed.TotalMilliseconds:F0} ms after SIGTERM");
        Assert.False(reading.IsCompleted, "the stream had ended before the listener closed: nothing was in flight");
        var body = await reading;
        var output = await stub.ExitAsync(TimeSpan.FromSeconds(20));

        Assert.EndsWith("data: [DONE]", body.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(0, stub.Process.ExitCode);
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_sigterm_a_stream_longer_than_the_grace_is_cut_and_the_program_still_exits_0()
    {
        var grace = TimeSpan.FromMilliseconds(300);
        using var http = new HttpClient();
        var (stub, stream, reading, clock) = await StreamThenTerminateAsync(http, grace);
        using var stubProgram = stub;
        using var response = stream;
        var cut = await Assert.ThrowsAsync<HttpRequestException>(() => reading);
        Assert.IsAssignableFrom<IOException>(cut.InnerException);
        var cutAfter = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"cut {cutAfter.TotalMilliseconds:F0} ms after SIGTERM");
        var output = await stub.ExitAsync(TimeSpan.FromSeconds(20));

        // Measured: cut 0.30-0.57 s after the signal (15 runs); the stream had about 1.8 s left.
        Assert.InRange(cutAfter, grace - TimeSpan.FromMilliseconds(50), grace + TimeSpan.FromSeconds(1));
        Assert.Equal(0, stub.Process.ExitCode);
        Assert.Contains("Cut the answers still in flight", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stub_given_its_parents_pid_exits_and_frees_its_port_when_the_parent_is_killed()
    {
        // The parent is a shell that starts the stub with its own pid and waits; SIGKILL gives it no chance to clean up.
        var start = StubProgram.Redirected("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("dotnet \"$0\" --port 0 --time-scale 0.1 --parent-pid $$ & wait");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBench.Stubs.Server.dll"));
        using var parent = await StubProgram.StartAsync(start);
        var stubId = parent.Announcement.ProcessId;
        try
        {
            Assert.NotEqual(parent.Process.Id, stubId);
            parent.Process.Kill();
            var clock = Stopwatch.StartNew();
            while (ParentProcess.IsRunning(stubId) || !await StubProgram.RefusesConnectionsAsync(parent.Root.Port))
            {
                // Measured: gone and its port free 0.02-0.30 s after the kill (15 runs); it looks every 0.2 s.
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the stub outlived its killed parent by {clock.Elapsed.TotalSeconds:F1} s");
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"gone {clock.Elapsed.TotalMilliseconds:F0} ms after the parent's SIGKILL");
        }
        finally
        {
            if (ParentProcess.IsRunning(stubId))
            {
                StubProgram.Signal(stubId, "KILL");
            }
        }
    }

    /// <summary>
    /// Starts a stub program with <paramref name="grace"/>, starts streaming the long answer from it, and once the
    /// answer's headers have arrived (the stream is in flight) sends SIGTERM: the clock runs from the signal.
    /// </summary>
    private static async Task<(StubProgram Stub, HttpResponseMessage Stream, Task<string> Reading, Stopwatch SinceSignal)> StreamThenTerminateAsync(HttpClient http, TimeSpan grace)
    {
        var stub = await StubProgram.StartAsync(StubProgram.Dll("--port", "0", "--shutdown-grace-ms", grace.TotalMilliseconds.ToString(CultureInfo.InvariantCulture), "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(stub.Announcement.BaseUrl + "/chat/completions"))
        {
            Content = JsonContent.Create(new { model = "gpt-4o", stream = true, messages = new[] { new { role = "user", content = DefaultPromptRules.LongQuestion } } }),
        };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var reading = response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        StubProgram.Signal(stub.Process.Id, "TERM");
        return (stub, response, reading, Stopwatch.StartNew());
    }
}
