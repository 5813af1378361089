using System.Text.Json;
using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Benchmarks.Records;

/// <summary>
/// Carries per-request records from a benchmark process to the host: one JSON line per invocation in a file per case.
/// Records are kept in memory during an invocation and written outside the measured time (iteration cleanup), except
/// when a request failed: then they are written at once, because the failure is about to end the process. The server's
/// view of each invocation is scraped after it, so it goes to a file of its own beside them and is joined on reading.
/// </summary>
public sealed class RecordLog
{
    // A server's metrics may hold NaN or +Inf (an empty summary, a gauge it cannot compute): written, not a crash.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly string path;
    private readonly string serverPath;
    private readonly List<InvocationRecord> pending = [];
    private int invocations;

    public RecordLog(string directory, string caseKey)
    {
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, CaseKey.FileName(caseKey));
        serverPath = ServerFile(path);
        File.Delete(path);
        File.Delete(serverPath);
    }

    /// <summary>How many calls of the benchmark method have begun.</summary>
    public int Invocations => invocations;

    /// <summary>Starts the records of one call of the benchmark method, which may lose up to <paramref name="maxErrorRate"/> of its requests.</summary>
    public BatchRecorder Begin(int requests, double maxErrorRate = 0) => new(this, invocations++, requests, maxErrorRate);

    public void Flush()
    {
        if (pending.Count == 0)
        {
            return;
        }

        using var writer = File.AppendText(path);
        foreach (var invocation in pending)
        {
            writer.WriteLine(JsonSerializer.Serialize(invocation, Json));
        }

        pending.Clear();
    }

    /// <summary>Records what the server counted during invocation <paramref name="invocation"/>; written at once, outside the measured time.</summary>
    public void AddServerWindow(int invocation, ServerWindow window)
    {
        File.AppendAllLines(serverPath, [JsonSerializer.Serialize(new ServerWindowLine(invocation, window), Json)]);
    }

    public static IReadOnlyList<InvocationRecord> Read(string directory, string caseKey)
    {
        var file = Path.Combine(directory, CaseKey.FileName(caseKey));
        if (!File.Exists(file))
        {
            return [];
        }

        var windows = Lines<ServerWindowLine>(ServerFile(file)).ToDictionary(w => w.Invocation, w => w.Window);
        return Lines<InvocationRecord>(file)
            .Select(i => windows.TryGetValue(i.Invocation, out var window) ? i with { Server = window } : i)
            .ToList();
    }

    private static IEnumerable<T> Lines<T>(string file) => !File.Exists(file)
        ? []
        : File.ReadLines(file)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidDataException($"An empty record in {file}."));

    private static string ServerFile(string recordsFile) => Path.ChangeExtension(recordsFile, ".server.jsonl");

    internal void Complete(InvocationRecord invocation)
    {
        pending.Add(invocation);
        if (invocation.Requests.Any(r => !r.Succeeded))
        {
            Flush();
        }
    }
}
