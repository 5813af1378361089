namespace ChatBench.Tests;

/// <summary>
/// Tests that read or change what the whole test process shares run in this collection, one at a time and after the
/// parallel ones, never beside another test: the API key variable, the thread pool's queue, the managed heap, the
/// process's CPU time, the stub's one due-time scheduler thread, and wall-clock bounds that a neighbour's load would
/// move. Every other collection (one a class) runs in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideState
{
    public const string Name = "Process-wide state";
}
