using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// The stub program's first line on standard output: one JSON object saying where it listens, for a program (or
/// <c>jq</c>) to read instead of scraping the human-readable lines that follow it.
/// </summary>
/// <param name="BaseUrl">The OpenAI base URL to give a client, <c>http://127.0.0.1:{port}/v1</c>.</param>
/// <param name="ProcessId">The stub program's process.</param>
/// <param name="Http2Only">True when it serves HTTP/2 only (h2c): clients must ask for HTTP/2 with prior knowledge.</param>
internal sealed record StubAnnouncement(Uri BaseUrl, int ProcessId, bool Http2Only)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads an announcement line; false for anything else (a human-readable line, an error, nothing).</summary>
    public static bool TryParse(string? line, [NotNullWhen(true)] out StubAnnouncement? announcement)
    {
        announcement = null;
        if (line is null || !line.StartsWith('{'))
        {
            return false;
        }

        try
        {
            announcement = JsonSerializer.Deserialize<StubAnnouncement>(line, Json);
        }
        catch (JsonException)
        {
            return false;
        }

        if (announcement?.BaseUrl is not { IsAbsoluteUri: true })
        {
            announcement = null;
        }

        return announcement is not null;
    }
}
