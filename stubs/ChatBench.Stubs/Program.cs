using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;

if (!StubCommandLine.TryParse(args, out var options, out var error))
{
    if (error == "help")
    {
        Console.WriteLine(StubCommandLine.Help);
        return 0;
    }

    Console.Error.WriteLine($"error: {error}");
    return 2;
}

ChatCompletionsStub stub;
try
{
    stub = ChatCompletionsStub.Start(options);
}
catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine($"error: the stub could not listen on {options.Host}:{options.Port}: {e.GetBaseException().Message}. Pick another --port.");
    return 1;
}

using (stub)
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

    var faults = options.Faults;
    Console.WriteLine($"ChatBench stub listening on {stub.BaseUri} (time scale {options.Profile.TimeScale}, seed {options.Profile.Seed}, models {string.Join(',', options.Models)}).");
    Console.WriteLine($"Faults: api key {(faults.ApiKey is null ? "not required" : "required")}, max concurrency {faults.MaxConcurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, error rate {faults.ErrorRate}. Ctrl+C stops.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopped.");
    }
}

return 0;
