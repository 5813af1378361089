using System.Runtime;

namespace ChatBench.Benchmarks.Records;

/// <summary>
/// The process's collections, GC pause time, allocation and JIT compilation so far: two of them, around a batch, give
/// what the batch cost the garbage collector and the JIT compiler. Each value is one cheap runtime call.
/// </summary>
public readonly record struct RuntimeCounters(int Collections, int Gen1Collections, int Gen2Collections, TimeSpan Paused, long Allocated, long JitMethods, TimeSpan JitTime)
{
    /// <summary>Collections count every generation's (a gen-1 collection collects gen 0 too); the allocation is precise (twice a batch, its cost does not matter).</summary>
    public static RuntimeCounters Take() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: true),
        JitInfo.GetCompiledMethodCount(),
        JitInfo.GetCompilationTime());

    /// <summary>What the process spent between <paramref name="before"/> and these counters.</summary>
    public RuntimeCounters Since(RuntimeCounters before) => new(
        Collections - before.Collections,
        Gen1Collections - before.Gen1Collections,
        Gen2Collections - before.Gen2Collections,
        Paused - before.Paused,
        Allocated - before.Allocated,
        JitMethods - before.JitMethods,
        JitTime - before.JitTime);
}
