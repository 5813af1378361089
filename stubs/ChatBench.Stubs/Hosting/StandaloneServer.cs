using System.Globalization;
using System.Net.Sockets;
using WireMock.Exceptions;

namespace ChatBench.Stubs.Hosting;

/// <summary>The stub as a program of its own: serves until cancelled (Ctrl+C or SIGTERM, through System.CommandLine).</summary>
public static class StandaloneServer
{
    public static async Task<int> RunAsync(StubOptions options, CancellationToken cancellation)
    {
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

        using (stub)
        {
            // The first line is the machine-readable one that StubProcess, the tests and the scripts wait for.
            Console.WriteLine(new StubAnnouncement(stub.BaseUri, Environment.ProcessId, options.Http2Only).ToJson());
            var faults = options.Faults;
            Console.WriteLine($"ChatBench stub listening on {stub.BaseUri} (time scale {options.Profile.TimeScale}, seed {options.Profile.Seed}, models {string.Join(',', options.Models)}).");
            Console.WriteLine($"Faults: api key {(faults.ApiKey is null ? "not required" : "required")}, max concurrency {faults.MaxConcurrency?.ToString(CultureInfo.InvariantCulture) ?? "none"}, error rate {faults.ErrorRate}, capacity {(options.Capacity is { } c ? $"{c.Slots} slots" : "unlimited")}, prefix cache {(options.PrefixCache.Enabled ? $"{options.PrefixCache.CapacityTokens} tokens" : "off")}, context window {options.ContextWindow} tokens. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopped.");
            }
        }

        return 0;
    }
}
