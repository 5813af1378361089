using ChatBench.Benchmarks;

return BenchRunner.Run(args);
