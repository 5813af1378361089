using ChatBench.Stubs.Hosting;

// Socket completions run on the socket engine's threads instead of each hopping to a thread-pool thread: the stub's code
// never blocks, and after the idle wait of a simulated answer that hop is a sleeping thread's wake-up: the send to the
// stub's handler took about 0.1 ms less in the overhead benchmark (results/README.md, "The measurement floor"). .NET reads this once, when the first socket opens;
// a value already in the environment wins, so the effect can be measured both ways.
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
{
    Environment.SetEnvironmentVariable(InlineCompletions, "1");
}

return await new StubCommandLine().RunAsync(args);
