using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using WireMock.Exceptions;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// The stub as a program of its own: serves until SIGTERM or Ctrl+C, then stops accepting and lets answers in flight
/// finish for the launch's grace period before cutting them, and exits 0; or until its parent process ends.
/// </summary>
internal static class StandaloneServer
{
    public static async Task<int> RunAsync(StubLaunch launch, CancellationToken cancellation)
    {
        var options = launch.Load();

        ChatCompletionsStub stub;
        try
        {
            stub = ChatCompletionsStub.Start(options);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or SocketException or WireMockException)
        {
            await Console.Error.WriteLineAsync($"error: the stub could not listen on {options.Host}:{options.Port}: {e.GetBaseException().Message}. Pick another --port.");
            return 1;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        void Stop(PosixSignalContext signal)
        {
            // Not the runtime's default (exit at once): the drain below decides when the process ends.
            signal.Cancel = true;
            stop.Cancel();
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        // The first line is the machine-readable one that StubProcess, the tests and the scripts wait for.
        Console.WriteLine(new StubAnnouncement(stub.BaseUri, Environment.ProcessId, options.Http2Only).ToJson());
        var faults = options.Faults;
        Console.WriteLine($"ChatBench stub listening on {stub.BaseUri} (time scale {options.Profile.TimeScale}, seed {options.Profile.Seed}, models {string.Join(',', options.Models)}).");
        Console.WriteLine($"Faults: api key {(faults.ApiKey is null ? "not required" : "required")}, max concurrency {faults.MaxConcurrency?.ToString(CultureInfo.InvariantCulture) ?? "none"}, error rate {faults.ErrorRate}, capacity {(options.Capacity is { } c ? $"{c.Slots} slots" : "unlimited")}, prefix cache {(options.PrefixCache.Enabled ? $"{options.PrefixCache.CapacityTokens} tokens" : "off")}, context window {options.ContextWindow} tokens. Ctrl+C stops.");

        var parentEnded = launch.ParentProcessId is { } parent ? ParentProcess.WaitForEndAsync(parent, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
        await Task.WhenAny(parentEnded);
        var grace = launch.ShutdownGrace;
        if (parentEnded.IsCompletedSuccessfully)
        {
            // Nobody is left to read the answers.
            Console.WriteLine($"Parent process {launch.ParentProcessId} has ended.");
            grace = TimeSpan.Zero;
        }

        Console.WriteLine($"Stopping: no new connections; answers in flight get up to {grace.TotalMilliseconds} ms to finish.");
        using (var cut = new CancellationTokenSource(grace))
        {
            await stub.StopAcceptingAsync(cut.Token);
            Console.WriteLine(cut.IsCancellationRequested ? "Cut the answers still in flight after the grace period." : "Stopped.");
        }

        stub.Dispose();
        return 0;
    }
}
