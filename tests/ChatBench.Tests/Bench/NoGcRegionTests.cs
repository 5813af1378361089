using System.Runtime;
using ChatBench.Benchmarks.Harness;

namespace ChatBench.Tests.Bench;

/// <summary>While an open-loop schedule is kept the collector stays off within its budget, and comes back after.</summary>
[Collection(ProcessWideState.Name)]
public sealed class NoGcRegionTests
{
    [Fact]
    public void Allocations_within_the_budget_trigger_no_collection_and_the_usual_mode_returns_after()
    {
        var before = GCSettings.LatencyMode;
        long collections;
        var kept = new List<byte[]>();
        using (NoGcRegion.For(200))
        {
            collections = GC.CollectionCount(0);
            for (var i = 0; i < 160; i++)
            {
                kept.Add(new byte[64 * 1024]);
            }

            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.Equal(collections, GC.CollectionCount(0));
        }

        Assert.Equal(before, GCSettings.LatencyMode);
        Assert.Equal(160, kept.Count);
    }
}
