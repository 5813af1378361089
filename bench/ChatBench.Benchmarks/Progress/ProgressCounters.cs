using System.Globalization;
using System.IO.MemoryMappedFiles;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Progress;

/// <summary>
/// A benchmark process's count of the requests it finished, by outcome, kept in a small file mapped into its memory: a
/// request adds one with a single interlocked increment (no lock, no allocation, no timer or thread in the benchmark
/// process), and the host reads every process's file while the run goes on (<see cref="ProgressSnapshot"/>). Only a
/// live run counts; on the stub <see cref="Current"/> stays null and counting costs a null check.
/// </summary>
public sealed unsafe class ProgressCounters : IDisposable
{
    private const string Extension = ".counts";

    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly long* slots;
    private bool disposed;

    private ProgressCounters(string path)
    {
        // Opened, not replaced: a process whose id an earlier one of the run had adds to that one's counts. Shared for
        // reading and writing, so the host can read it while this process counts.
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        if (file.Length < Bytes)
        {
            file.SetLength(Bytes);
        }

        map = MemoryMappedFile.CreateFromFile(file, mapName: null, Bytes, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        view = map.CreateViewAccessor(0, Bytes, MemoryMappedFileAccess.ReadWrite);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        slots = (long*)(start + view.PointerOffset);
        FilePath = path;
    }

    /// <summary>This process's counters on a live run, set up before its first request; null on the stub.</summary>
    public static ProgressCounters? Current { get; private set; }

    /// <summary>The size of a counter file: one 8-byte count a slot.</summary>
    public static int Bytes { get; } = ProgressSlots.Count * sizeof(long);

    public string FilePath { get; }

    /// <summary>Where a run's benchmark processes keep their counters: beside its records.</summary>
    public static string DirectoryIn(string recordsDirectory) => Path.Combine(recordsDirectory, "progress");

    /// <summary>The files a run's processes count in so far.</summary>
    public static IEnumerable<string> FilesIn(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*" + Extension) : [];

    /// <summary>Makes this process count into <paramref name="directory"/> from now on (once a process: later calls keep it).</summary>
    public static void CountIn(string directory)
    {
        if (Current is null || Path.GetDirectoryName(Current.FilePath) != Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))
        {
            // A process that counted elsewhere before (a test process) keeps the old mapping alive: a request still in
            // flight may add to it.
            Current = Create(directory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Counters in a file of their own in <paramref name="directory"/>.</summary>
    public static ProgressCounters Create(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        return new ProgressCounters(Path.GetFullPath(Path.Combine(directory, name + Extension)));
    }

    public void Count(RequestOutcome outcome) => Interlocked.Increment(ref slots[ProgressSlots.Of(outcome)]);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}
