using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBench.Benchmarks.Results;

/// <summary>Writes and reads <see cref="ResultsFile"/>s; a file this version cannot read is a one-line error naming it.</summary>
public static class ResultsJson
{
    // Compact: the raw samples make indented files ten times longer without making them easier to read.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string FileName(string benchmarkType) => benchmarkType + ResultsFile.Suffix;

    public static string Write(ResultsFile results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName(results.Benchmark.Type));
        File.WriteAllText(path, JsonSerializer.Serialize(results, Options));
        return path;
    }

    /// <exception cref="InvalidDataException">The file is not ChatBench results, or of a schema version this build does not know.</exception>
    public static ResultsFile Read(string path)
    {
        var name = Path.GetFileName(path);
        ResultsFile? results;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException($"{name} is not a ChatBench results file: it has no schemaVersion.");
            }

            if (version.GetInt32() != ResultsFile.CurrentSchemaVersion)
            {
                throw new InvalidDataException(
                    $"{name} has schema version {version.GetInt32()}; this ChatBench reads version {ResultsFile.CurrentSchemaVersion}: regenerate it with this version, or use the ChatBench that wrote it.");
            }

            results = document.Deserialize<ResultsFile>(Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not a ChatBench results file: {e.Message}", e);
        }

        return results ?? throw new InvalidDataException($"{name} is empty.");
    }

    /// <summary>Every results file in <paramref name="directory"/>, ordered by class name.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<ResultsFile> ReadFolder(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"the results folder {directory} does not exist");
        }

        return Directory.EnumerateFiles(directory, "*" + ResultsFile.Suffix)
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }
}
