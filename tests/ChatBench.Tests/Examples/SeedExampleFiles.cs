using ChatBench.Benchmarks.Options;

namespace ChatBench.Tests.Examples;

/// <summary>Where the seed example's source and its build live in the repository.</summary>
internal static class SeedExampleFiles
{
    public static string Source { get; } = Path.Combine(RepositoryRoot.Find(), "examples", "SeedExample", "Program.cs");

    /// <summary>
    /// The example's program as built with these tests: its output folder is where this project's is, relative to its
    /// project (<c>bin/Debug/net10.0</c> for a Debug build).
    /// </summary>
    public static string Program { get; } = Path.Combine(
        RepositoryRoot.Find(),
        "examples",
        "SeedExample",
        Path.GetRelativePath(Path.Combine(RepositoryRoot.Find(), "tests", "ChatBench.Tests"), AppContext.BaseDirectory),
        "SeedExample.dll");
}
