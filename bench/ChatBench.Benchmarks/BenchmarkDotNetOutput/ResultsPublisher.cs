namespace ChatBench.Benchmarks.BenchmarkDotNetOutput;

/// <summary>
/// Moves this run's reports from BenchmarkDotNet's artifacts into <c>results/</c> under BenchmarkDotNet's own file
/// names, so results/ holds the reports directly (not results/results/). Reports of classes that did not run this
/// time are left as they were.
/// </summary>
public static class ResultsPublisher
{
    public static IReadOnlyList<string> Publish(string artifactResults, string results)
    {
        if (!Directory.Exists(artifactResults))
        {
            return [];
        }

        Directory.CreateDirectory(results);
        var published = new List<string>();
        foreach (var file in Directory.EnumerateFiles(artifactResults))
        {
            var target = Path.Combine(results, Path.GetFileName(file));
            File.Copy(file, target, overwrite: true);
            published.Add(target);
        }

        return published;
    }
}
