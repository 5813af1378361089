
namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// The requests of a workload file, in order. A benchmark that sends N requests takes them from the start, cycling,
/// each with its index as its <c>seed</c> so the stub's jitter differs between copies of one prompt.
/// </summary>
public sealed class Workload
{
    /// <summary>The built-in mix, <c>workloads/default.jsonl</c>, compiled into this assembly so every process has it.</summary>
    public const string DefaultResource = "ChatBench.workloads.default.jsonl";

    private static readonly Lazy<Workload> BuiltIn = new(() =>
    {
        using var stream = typeof(Workload).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The resource {DefaultResource} is missing: rebuild the bench project.");
        using var reader = new StreamReader(stream);
        return WorkloadFile.Parse(reader.ReadToEnd().Split('\n'), "workloads/default.jsonl");
    });

    public Workload(string name, IReadOnlyList<WorkloadRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        Name = name;
        Requests = requests;
    }

    public static Workload Default => BuiltIn.Value;

    /// <summary>Where the workload came from: the file as given, or <c>workloads/default.jsonl</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<WorkloadRequest> Requests { get; }

    /// <summary>The user's file when a path is given, else the built-in mix.</summary>
    public static Workload From(string? path) => path is null ? Default : WorkloadFile.Load(path);

    /// <summary>The first <paramref name="count"/> requests, cycling through the file, seeded from <paramref name="firstSeed"/> up.</summary>
    public IReadOnlyList<ChatPrompt> Take(int count, long firstSeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Enumerable.Range(0, count)
            .Select(i => new ChatPrompt(Requests[i % Requests.Count].LastUserMessage, firstSeed + i) { Request = Requests[i % Requests.Count] })
            .ToList();
    }
}
