using System.Text.Json;

namespace ChatBench.Benchmarks.Records;

/// <summary>
/// Carries per-request records from a benchmark process to the host: one JSON line per invocation in a file per case.
/// Records are kept in memory during an invocation and written outside the measured time (iteration cleanup), except
/// when a request failed: then they are written at once, because the failure is about to end the process.
/// </summary>
public sealed class RecordLog
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string path;
    private readonly List<InvocationRecord> pending = [];
    private int invocations;

    public RecordLog(string directory, string caseKey)
    {
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, CaseKey.FileName(caseKey));
        File.Delete(path);
    }

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

    public static IReadOnlyList<InvocationRecord> Read(string directory, string caseKey)
    {
        var file = Path.Combine(directory, CaseKey.FileName(caseKey));
        if (!File.Exists(file))
        {
            return [];
        }

        return File.ReadLines(file)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<InvocationRecord>(line, Json)
                ?? throw new InvalidDataException($"An empty record in {file}."))
            .ToList();
    }

    internal void Complete(InvocationRecord invocation)
    {
        pending.Add(invocation);
        if (invocation.Requests.Any(r => !r.Succeeded))
        {
            Flush();
        }
    }
}
