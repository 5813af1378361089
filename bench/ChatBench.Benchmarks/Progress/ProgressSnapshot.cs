using System.IO.MemoryMappedFiles;

namespace ChatBench.Benchmarks.Progress;

/// <summary>
/// The requests a run's benchmark processes finished so far, answered or failed, summed over their counter files
/// (<see cref="ProgressCounters"/>), and the failures by kind, most frequent first.
/// </summary>
public sealed record ProgressSnapshot(long Finished, IReadOnlyList<(string Kind, long Count)> Failures)
{
    public static ProgressSnapshot Empty { get; } = new(0, []);

    public long Failed => Failures.Sum(f => f.Count);

    /// <summary>The snapshot of counts laid out as <see cref="ProgressSlots"/> lays them out.</summary>
    public static ProgressSnapshot Of(IReadOnlyList<long> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var failures = Enumerable.Range(0, slots.Count)
            .Where(slot => !ProgressSlots.IsAnswered(slot) && slots[slot] > 0)
            .Select(slot => (Kind: ProgressSlots.Label(slot), Count: slots[slot]))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Kind, StringComparer.Ordinal)
            .ToList();
        return new ProgressSnapshot(slots.Sum(), failures);
    }

    /// <summary>
    /// Reads every counter file in <paramref name="directory"/> while their processes count: each count is read whole
    /// (an aligned 8-byte read of the same pages they increment). A file not yet at its size, or gone, counts nothing.
    /// </summary>
    public static ProgressSnapshot Read(string directory)
    {
        var sums = new long[ProgressSlots.Count];
        foreach (var path in ProgressCounters.FilesIn(directory))
        {
            try
            {
                AddCounts(path, sums);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still being created by its process: counted at the next read.
            }
        }

        return Of(sums);
    }

    private static void AddCounts(string path, long[] sums)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length < ProgressCounters.Bytes)
        {
            return;
        }

        using var map = MemoryMappedFile.CreateFromFile(file, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, ProgressCounters.Bytes, MemoryMappedFileAccess.Read);
        for (var slot = 0; slot < sums.Length; slot++)
        {
            sums[slot] += view.ReadInt64(slot * sizeof(long));
        }
    }
}
