using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Comparison;

/// <summary>
/// Two results folders compared case by case (class, method, parameters): the cases both runs have, and the ones only
/// one of them has, which are listed rather than dropped.
/// </summary>
public sealed record RunComparison(
    string BaselineFolder,
    string CandidateFolder,
    IReadOnlyList<RunDescription> BaselineRuns,
    IReadOnlyList<RunDescription> CandidateRuns,
    ComparisonSettings Settings,
    IReadOnlyList<string> Differences,
    IReadOnlyList<CaseComparison> Cases,
    IReadOnlyList<string> OnlyInBaseline,
    IReadOnlyList<string> OnlyInCandidate)
{
    public int Count(Verdict verdict) => Cases.Count(c => c.Verdict == verdict);

    /// <exception cref="InvalidDataException">A folder holds no results, or a file of a schema version this build does not know.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static RunComparison Of(string baselineFolder, string candidateFolder, ComparisonSettings settings)
    {
        var baseline = Read(baselineFolder, "baseline");
        var candidate = Read(candidateFolder, "candidate");
        var before = Index(baseline);
        var after = Index(candidate);
        var cases = before.Keys.Where(after.ContainsKey)
            .Select(key => CaseComparison.Of(before[key].Benchmark, before[key].Case, after[key].Case, settings))
            .ToList();
        return new RunComparison(
            baselineFolder,
            candidateFolder,
            Runs(baseline),
            Runs(candidate),
            settings,
            RunDifferences.Between(Runs(baseline), Runs(candidate)),
            cases,
            [.. before.Keys.Where(k => !after.ContainsKey(k))],
            [.. after.Keys.Where(k => !before.ContainsKey(k))]);
    }

    private static IReadOnlyList<ResultsFile> Read(string folder, string side)
    {
        var files = ResultsJson.ReadFolder(folder);
        return files.Count > 0
            ? files
            : throw new InvalidDataException($"the {side} folder {folder} holds no ChatBench results (*{ResultsFile.Suffix}): run the benchmarks with --results {folder} first.");
    }

    /// <summary>Cases by "Class: Method (parameters)", in file and case order.</summary>
    private static Dictionary<string, (string Benchmark, CaseResult Case)> Index(IReadOnlyList<ResultsFile> files)
    {
        var index = new Dictionary<string, (string, CaseResult)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var result in file.Cases)
            {
                index.TryAdd($"{file.Benchmark.Name}: {result.Label}", (file.Benchmark.Name, result));
            }
        }

        return index;
    }

    private static List<RunDescription> Runs(IReadOnlyList<ResultsFile> files) =>
        [.. files.Select(f => f.Run).DistinctBy(r => r.Caption(), StringComparer.Ordinal)];
}
