
namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// The requests and sessions of a workload file, in order. A benchmark that sends N single requests takes them from the
/// start, cycling, each with its index as its <c>seed</c> so the stub's jitter differs between copies of one prompt; a
/// session line counts there as its first turn, so a file of sessions alone still gives those benchmarks requests.
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

    public Workload(string name, IReadOnlyList<WorkloadRequest> requests, IReadOnlyList<ChatSession>? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        Name = name;
        Requests = requests;
        Sessions = sessions ?? [];
    }

    public static Workload Default => BuiltIn.Value;

    /// <summary>Where the workload came from: the file as given, or <c>workloads/default.jsonl</c>.</summary>
    public string Name { get; }

    /// <summary>Every line as one request, in file order: a request line as written, a session line as its first turn.</summary>
    public IReadOnlyList<WorkloadRequest> Requests { get; }

    /// <summary>The session lines, in file order; empty when the file holds single requests only.</summary>
    public IReadOnlyList<ChatSession> Sessions { get; }

    /// <summary>
    /// The sessions a conversation benchmark runs: the file's own when it holds any, else <paramref name="synthetic"/>
    /// (the defaults when null) drawn from <paramref name="seed"/>. The two never mix: the options refuse both at once.
    /// </summary>
    public IReadOnlyList<ChatSession> SessionsOr(SyntheticSessions? synthetic, ulong seed) =>
        Sessions.Count > 0 ? Sessions : (synthetic ?? SyntheticSessions.Default).Generate(seed);

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
