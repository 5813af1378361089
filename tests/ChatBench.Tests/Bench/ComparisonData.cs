namespace ChatBench.Tests.Bench;

/// <summary>
/// Results folders of real, small runs of the harness, kept under Data/Comparison: the seed scenario of two runs at
/// time scale 0.1 with the same options and commit, and the seed scenario and streaming of a run at 0.12. Each test
/// gets a copy, since a comparison writes its files into the candidate's folder.
/// </summary>
public static class ComparisonData
{
    public const string Reference = "time-scale-0.1-run3";

    public const string Repeat = "time-scale-0.1-run2";

    public const string Slower = "time-scale-0.12";

    public const string SeedFile = "ChatBench.Benchmarks.Scenarios.SeedScenarioBenchmarks-results.json";

    public static string Folder(string run) => Path.Combine(AppContext.BaseDirectory, "Data", "Comparison", run);

    /// <summary>A temporary copy of <paramref name="run"/>'s files, or only the seed scenario's.</summary>
    public static ResultsFixture Copy(string run, bool seedOnly = false)
    {
        var copy = new ResultsFixture();
        foreach (var file in Directory.EnumerateFiles(Folder(run), "*-results.json"))
        {
            if (!seedOnly || Path.GetFileName(file) == SeedFile)
            {
                File.Copy(file, copy.PathOf(Path.GetFileName(file)));
            }
        }

        return copy;
    }
}
