namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>
/// The files of a results folder the charts read, found by the suffixes their exporters give them, so a report of a
/// class in any namespace is found and a missing one is simply absent.
/// </summary>
public sealed class ResultsFolder(string directory)
{
    public const string ChartsFolder = "charts";

    public string Directory { get; } = directory;

    public string ChartsDirectory => Path.Combine(Directory, ChartsFolder);

    /// <summary>BenchmarkDotNet's CSV report of a benchmark class, <c>&lt;Namespace&gt;.&lt;Class&gt;-report.csv</c>, or null.</summary>
    public string? Report(string className) => Find($".{className}-report.csv");

    /// <summary>The seed scenario's per-request arrivals (<see cref="SeedArrivalCsvExporter"/>), or null.</summary>
    public string? SeedArrivals() => Find($".SeedScenarioBenchmarks{SeedArrivalCsvExporter.FileSuffix}");

    /// <summary>Every BenchmarkDotNet CSV report in the folder, by file name.</summary>
    public IReadOnlyList<string> Reports() => Matching("*-report.csv");

    /// <summary>
    /// The streaming latency summaries: one row per benchmark case (see <see cref="LatencyPercentiles"/>). Every class
    /// gets a latency file (end-to-end percentiles even when not streaming); the streaming charts draw the streaming one.
    /// </summary>
    public IReadOnlyList<string> LatencyTables() => Matching("*StreamingBenchmarks-latency.csv");

    /// <summary>The streaming per-request files: one row per measured request.</summary>
    public IReadOnlyList<string> RequestTables() => Matching("*StreamingBenchmarks-requests.csv");

    /// <summary>The class name a report file is about: <c>A.B.BatchBenchmarks-report.csv</c> gives <c>BatchBenchmarks</c>.</summary>
    public static string ClassOf(string reportPath)
    {
        var name = Path.GetFileName(reportPath);
        var dash = name.LastIndexOf("-report", StringComparison.Ordinal);
        var qualified = dash > 0 ? name[..dash] : Path.GetFileNameWithoutExtension(name);
        return qualified[(qualified.LastIndexOf('.') + 1)..];
    }

    private string? Find(string suffix) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory)
                .Where(f => Path.GetFileName(f).EndsWith(suffix, StringComparison.Ordinal) || Path.GetFileName(f) == suffix[1..])
                .Order(StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private List<string> Matching(string pattern) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, pattern).Order(StringComparer.Ordinal).ToList()
            : [];
}
