namespace ChatBench.Benchmarks.Results;

/// <summary>
/// The machine-readable results of one benchmark class in one run, <c>&lt;Namespace.Class&gt;-results.json</c>: the
/// single source of <c>SUMMARY.md</c>, the charts and comparisons. The schema is documented in results/README.md; a
/// change that would make an old reader misread a file raises <see cref="CurrentSchemaVersion"/>.
/// </summary>
public sealed record ResultsFile
{
    public const int CurrentSchemaVersion = 1;

    public const string Suffix = "-results.json";

    public required int SchemaVersion { get; init; }

    public required RunDescription Run { get; init; }

    public required BenchmarkDescription Benchmark { get; init; }

    public required IReadOnlyList<CaseResult> Cases { get; init; }

    /// <summary>An open-loop sweep's highest rate within the SLO; null for every other class (optional, schema 1).</summary>
    public OpenLoopResult? OpenLoop { get; init; }

    /// <summary>A sweep over concurrent users' highest number of users within the SLO; null for every other class (optional, schema 1).</summary>
    public ConcurrentUsersResult? ConcurrentUsers { get; init; }
}
