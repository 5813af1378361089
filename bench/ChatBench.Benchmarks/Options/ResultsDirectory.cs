namespace ChatBench.Benchmarks.Options;

/// <summary>Where a run's reports go, checked before anything runs so that no run's results are lost at the end.</summary>
public static class ResultsDirectory
{
    /// <summary>The folder <c>--results</c> names, or the repository's <c>results/</c>.</summary>
    public static string Resolve(BenchOptions options, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(options.ResultsDirectory ?? Path.Combine(repositoryRoot, "results"));
    }

    /// <summary>Null when the folder exists or can be created, and a file can be written in it; otherwise why not.</summary>
    public static string? CheckWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".chatbench-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"the results folder {directory} cannot be written ({e.Message.TrimEnd('.')}): pick another with --results DIR.";
        }
    }
}
