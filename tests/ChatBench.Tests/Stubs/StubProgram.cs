using System.Diagnostics;
using System.Net.Sockets;
using ChatBench.Stubs.Hosting;

namespace ChatBench.Tests.Stubs;

/// <summary>
/// A stub program in a process of its own, as a user starts it (from its dll, or as the installed tool), once it has
/// announced where it listens; its output is kept for the assertions.
/// </summary>
internal sealed class StubProgram : IDisposable
{
    private readonly Task<string> restOfOutput;

    private StubProgram(Process process, StubAnnouncement announcement)
    {
        Process = process;
        Announcement = announcement;
        restOfOutput = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public StubAnnouncement Announcement { get; }

    public Uri Root => new(Announcement.BaseUrl, "/");

    /// <summary>The stub program built with these tests, run by dotnet with <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo Dll(params string[] arguments)
    {
        var start = Redirected("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBench.Stubs.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static ProcessStartInfo Redirected(string file) => new(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

    /// <summary>Starts <paramref name="start"/> and waits (30 s at most) for the stub's announcement on its first line.</summary>
    public static async Task<StubProgram> StartAsync(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
        if (!StubAnnouncement.TryParse(line, out var announcement))
        {
            process.Kill(entireProcessTree: true);
            var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            process.Dispose();
            throw new InvalidOperationException($"The stub program announced no address; its first line: '{line}', its errors: {errors}");
        }

        return new StubProgram(process, announcement);
    }

    /// <summary>Sends a signal by name (<c>TERM</c>, <c>KILL</c>) to a process, as a shell's kill does.</summary>
    public static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>True when nothing listens on the stub's port any more: a connection to it is refused or reset.</summary>
    public static async Task<bool> RefusesConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            // Reset: the connection was still in the listener's queue when it closed.
            return true;
        }
    }

    /// <summary>Waits for the program to exit (at most <paramref name="within"/>) and returns what it wrote after its announcement.</summary>
    public async Task<string> ExitAsync(TimeSpan within)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within);
        await Process.WaitForExitAsync(deadline.Token);
        return await restOfOutput;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}
