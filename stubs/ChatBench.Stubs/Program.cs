using ChatBench.Stubs.Hosting;

return await new StubCommandLine().RunAsync(args);
