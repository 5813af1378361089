using System.Diagnostics;
using ChatBench.Stubs.Hosting;

namespace ChatBench.Benchmarks.Targets;

/// <summary>
/// The standalone stub server in a process of its own: the run's embedded stub, and the stubs some benchmarks start for
/// themselves (to read the stub's CPU time apart from the client's, or to give it other options). The stub's program
/// ships next to this assembly (the bench project references it) and runs on the same dotnet as this process.
/// </summary>
public sealed class StubProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;

    private StubProcess(Process process, Uri baseUri)
    {
        this.process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The stub program's process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>CPU time the server process has used so far, all threads, user and kernel.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static StubProcess Start(StubLaunch launch)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "ChatBench.Stubs.Server.dll");
        if (!File.Exists(program))
        {
            throw new FileNotFoundException($"The stub program is not next to the benchmarks at {program}; rebuild the bench project.", program);
        }

        var start = new ProcessStartInfo(DotNet()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(program);
        // The stub ends with this process, even when it is killed: a stub left behind would keep serving on its port.
        foreach (var argument in StubArguments.For(launch with { ParentProcessId = Environment.ProcessId }))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the stub program.");
        var firstLine = process.StandardOutput.ReadLineAsync();
        var arrived = firstLine.Wait(StartTimeout);
        if (!arrived || !StubAnnouncement.TryParse(firstLine.Result, out var announcement))
        {
            if (arrived && firstLine.Result is null)
            {
                // Its output ended: the program is exiting, and its error line says why.
                process.WaitForExit(StartTimeout);
            }

            var error = process.HasExited ? FirstLine(process.StandardError.ReadToEnd())
                : arrived ? $"its first line is not the announcement of where it listens: {firstLine.Result}"
                : $"it did not announce where it listens within {StartTimeout.TotalSeconds} s";
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"The stub program did not start: {error}");
        }

        // Keep draining its output so the stub never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        return new StubProcess(process, announcement.BaseUrl);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    /// <summary>The dotnet host running this process, when it is one (as under dotnet run), else the one on the PATH.</summary>
    private static string DotNet() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>The stub's own one-line error, without its "error: " prefix, for a message of the caller's.</summary>
    private static string FirstLine(string errors)
    {
        var line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "it exited without a word";
        return line.StartsWith("error: ", StringComparison.Ordinal) ? line["error: ".Length..] : line;
    }
}
