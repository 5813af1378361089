using System.Text.Json;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>A single-request line of a workload file: <c>prompt</c> or <c>messages</c>, and optionally <c>class</c> and <c>max_tokens</c>.</summary>
internal static class RequestLine
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant"];
    private static readonly string[] Fields = ["prompt", "messages", "class", "max_tokens"];

    public static WorkloadRequest Read(JsonElement line)
    {
        LineValues.OnlyKnownFields(line, Fields, "a request has prompt or messages, and optionally class and max_tokens; a session has session and turns");
        var messages = (line.TryGetProperty("prompt", out var prompt), line.TryGetProperty("messages", out var list)) switch
        {
            (true, true) => throw new FormatException("both \"prompt\" and \"messages\": give one"),
            (true, false) => [new WorkloadMessage("user", LineValues.Text(prompt, "prompt"))],
            (false, true) => Messages(list),
            _ => throw new FormatException("no \"prompt\" or \"messages\" (or \"turns\" for a session)"),
        };
        return new WorkloadRequest(messages, LineValues.OptionalText(line, "class"), LineValues.MaxTokens(line));
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
            var path = LineValues.Indexed("messages", messages.Count);
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || !message.TryGetProperty("content", out var content))
            {
                throw new FormatException($"{path} must be an object with \"role\" and \"content\"");
            }

            var roleName = LineValues.Text(role, $"{path}.role");
            messages.Add(Roles.Contains(roleName)
                ? new WorkloadMessage(roleName, LineValues.Text(content, $"{path}.content"))
                : throw new FormatException($"{path}.role must be one of {string.Join(", ", Roles)}, not \"{roleName}\""));
        }

        return messages.Any(m => m.Role == "user") ? messages : throw new FormatException("\"messages\" has no user message");
    }
}
