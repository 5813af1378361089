using System.Globalization;
using System.Text.Json;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// Reads a workload file (JSON Lines): one request or one session a line. A request is <c>{"prompt": "..."}</c> or
/// <c>{"messages": [{"role", "content"}, ...]}</c> (<see cref="RequestLine"/>); a session has <c>turns</c>
/// (<see cref="SessionLine"/>). Blank lines are skipped. Anything else is an <see cref="InvalidDataException"/> whose
/// message names the file and the line and says what to write instead.
/// </summary>
public static class WorkloadFile
{
    /// <exception cref="InvalidDataException">The file is missing, empty, or a line is neither a request nor a session.</exception>
    public static Workload Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"workload {path}: no such file");
        }

        return Parse(File.ReadLines(path), path);
    }

    public static Workload Parse(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var requests = new List<WorkloadRequest>();
        var sessions = new List<ChatSession>();
        var sessionLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var root = Object(line);
                if (!SessionLine.Is(root))
                {
                    requests.Add(RequestLine.Read(root));
                    continue;
                }

                var session = SessionLine.Read(root);
                if (!sessionLines.TryAdd(session.Id, number))
                {
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"session \"{session.Id}\" is already line {sessionLines[session.Id]}'s: give each session its own id"));
                }

                sessions.Add(session);
                requests.Add(session.Request(0, []));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"workload {name} line {number}: {e.Message}"), e);
            }
        }

        return requests.Count == 0
            ? throw new InvalidDataException($"workload {name}: empty, it needs at least one request or session line")
            : new Workload(name, requests, sessions);
    }

    private static JsonElement Object(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')})", e);
        }

        return root.ValueKind == JsonValueKind.Object ? root : throw new FormatException("not a JSON object");
    }
}
