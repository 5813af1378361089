using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>Reads and writes <see cref="RecordedProfile"/>s; a file that cannot be replayed is one line naming it and why.</summary>
internal static class RecordedProfileFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(RecordedProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(profile, Options));
    }

    /// <exception cref="InvalidDataException">The file is missing, not JSON, of another schema version, or has nothing to replay.</exception>
    public static RecordedProfile Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"the latency profile {path} does not exist");
        }

        RecordedProfile? profile;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException($"{name} is not a ChatBench latency profile: it has no schemaVersion");
            }

            if (version.GetInt32() != RecordedProfile.CurrentSchemaVersion)
            {
                throw new InvalidDataException($"{name} is a latency profile of schema version {version.GetInt32()}; this build reads version {RecordedProfile.CurrentSchemaVersion}");
            }

            profile = document.RootElement.Deserialize<RecordedProfile>(Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not a readable latency profile: {e.Message}", e);
        }

        return Check(profile ?? throw new InvalidDataException($"{name} is empty"), name);
    }

    private static RecordedProfile Check(RecordedProfile profile, string name)
    {
        var grid = profile.QuantileGrid;
        if (grid.Count < 2 || grid[0] != 0 || grid[^1] != 1)
        {
            throw new InvalidDataException($"{name}: quantileGrid must run from 0 to 1");
        }

        if (profile.Classes.Count == 0)
        {
            throw new InvalidDataException($"{name} has no classes: the run it came from had no successful stream");
        }

        foreach (var group in profile.Prompts.Concat(profile.Classes))
        {
            if (group.TtftMs.Count != grid.Count || group.ItlMs.Count != grid.Count || group.OutputTokens.Count != grid.Count)
            {
                throw new InvalidDataException($"{name}: class '{group.Class}' has distributions that do not match the quantile grid");
            }
        }

        return profile;
    }
}
