using System.Globalization;
using System.Text.Json;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// Reads a workload file (JSON Lines): one request a line, <c>{"prompt": "..."}</c> or <c>{"messages": [{"role",
/// "content"}, ...]}</c>, each with an optional <c>class</c> and <c>max_tokens</c>. Blank lines are skipped. Anything
/// else is an <see cref="InvalidDataException"/> whose message names the file and the line.
/// </summary>
public static class WorkloadFile
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant"];
    private static readonly string[] Fields = ["prompt", "messages", "class", "max_tokens"];

    /// <exception cref="InvalidDataException">The file is missing, empty, or a line is not a request.</exception>
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
                requests.Add(Read(line));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"workload {name} line {number}: {e.Message}"), e);
            }
        }

        return requests.Count == 0
            ? throw new InvalidDataException($"workload {name}: empty, it needs at least one request line")
            : new Workload(name, requests);
    }

    private static WorkloadRequest Read(string line)
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

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("not a JSON object");
        }

        if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Fields.Contains(n)) is { } unknown)
        {
            throw new FormatException($"unknown field \"{unknown}\" (a request has prompt or messages, and optionally class and max_tokens)");
        }

        var messages = (root.TryGetProperty("prompt", out var prompt), root.TryGetProperty("messages", out var list)) switch
        {
            (true, true) => throw new FormatException("both \"prompt\" and \"messages\": give one"),
            (true, false) => [new WorkloadMessage("user", Text(prompt, "prompt"))],
            (false, true) => Messages(list),
            _ => throw new FormatException("no \"prompt\" or \"messages\""),
        };
        string? promptClass = root.TryGetProperty("class", out var c) ? Text(c, "class") : null;
        int? maxTokens = null;
        if (root.TryGetProperty("max_tokens", out var max))
        {
            maxTokens = max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var value) && value >= 1
                ? value
                : throw new FormatException($"\"max_tokens\" must be a whole number of 1 or more, not {max.GetRawText()}");
        }

        return new WorkloadRequest(messages, promptClass, maxTokens);
    }

    private static List<WorkloadMessage> Messages(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new FormatException("\"messages\" must be a non-empty array");
        }

        var messages = new List<WorkloadMessage>();
        foreach (var message in list.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"messages[{messages.Count}]");
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || !message.TryGetProperty("content", out var content))
            {
                throw new FormatException($"{path} must be an object with \"role\" and \"content\"");
            }

            var roleName = Text(role, $"{path}.role");
            messages.Add(Roles.Contains(roleName)
                ? new WorkloadMessage(roleName, Text(content, $"{path}.content"))
                : throw new FormatException($"{path}.role must be one of {string.Join(", ", Roles)}, not \"{roleName}\""));
        }

        return messages.Any(m => m.Role == "user") ? messages : throw new FormatException("\"messages\" has no user message");
    }

    private static string Text(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FormatException($"\"{field}\" must be a non-empty string");
}
