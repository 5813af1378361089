using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Bench;

/// <summary>Ctrl+C in the middle of a real run ends it: benchmark processes and the embedded stub gone, exit code 130.</summary>
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed partial class InterruptTests
{
    [Fact]
    public async Task Ctrl_c_during_a_run_stops_the_benchmark_processes_and_the_stub_and_exits_non_zero()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // A test run started as a background job (`dotnet test &` in a script) ignores SIGINT, children inherit that, and
        // .NET keeps an ignored SIGINT ignored: the program would never see the Ctrl+C. env restores the default first
        // (and execs, so the process is the same).
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot() };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBench.Benchmarks.dll"));
        foreach (var argument in (string[])["--filter", "*StreamingBenchmarks*", "--results", Directory.CreateTempSubdirectory("chatbench-interrupt-").FullName])
        {
            start.ArgumentList.Add(argument);
        }

        using var host = Process.Start(start)!;
        var errors = host.StandardError.ReadToEndAsync(cancellation);
        string? stubUrl = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        while (await host.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            stubUrl ??= StubUrl().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            if (line.Contains("WorkloadActual", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.NotNull(stubUrl);
        var children = ChildrenOf(host.Id);
        Assert.NotEmpty(children);

        using (var kill = Process.Start("kill", ["-INT", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellation);
        }

        using var exit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        exit.CancelAfter(TimeSpan.FromSeconds(30));
        _ = host.StandardOutput.ReadToEndAsync(exit.Token);
        await host.WaitForExitAsync(exit.Token);

        Assert.Equal(130, host.ExitCode);
        Assert.Contains("interrupted", await errors, StringComparison.Ordinal);
        Assert.All(children, pid => Assert.False(File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), $"benchmark process {pid} still runs"));
        var port = new Uri(stubUrl).Port;
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port, cancellation).AsTask());
    }

    private static List<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(int.Parse!)
            .Where(pid =>
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"embedded stub at (http://\S+/v1)")]
    private static partial Regex StubUrl();
}
