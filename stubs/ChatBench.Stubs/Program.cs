using ChatBench.Stubs.Hosting;

// Socket completions run on the socket engine's threads instead of each hopping to a thread-pool thread: the stub's code
// never blocks, and after the idle wait of a simulated answer that hop is a sleeping thread's wake-up, about 0.2-0.3 ms
// a request on the reference machine (results/floor/http-floor.md). .NET reads this once, when the first socket opens.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
return await new StubCommandLine().RunAsync(args);
