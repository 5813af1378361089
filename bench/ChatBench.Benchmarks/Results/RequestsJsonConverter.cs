using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBench.Benchmarks.Records;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Results;

/// <summary>
/// <c>cases[].requests</c>: the measured requests as recorded. Results written before the requests were records hold a
/// sample per request instead (<c>class</c>, <c>ttftMs</c>, <c>itlMs</c>, <c>e2eMs</c>, times from the request's start):
/// such a sample reads as a record that starts at 0 and ends at its E2E, so its TTFT, ITL and E2E are what it said.
/// </summary>
public sealed class RequestsJsonConverter : JsonConverter<IReadOnlyList<RequestRecord>>
{
    public override IReadOnlyList<RequestRecord> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var requests = new List<RequestRecord>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            requests.Add(element.TryGetProperty("class", out var promptClass)
                ? FromSample(requests.Count, element, promptClass.GetString() ?? string.Empty, options)
                : element.Deserialize<RequestRecord>(options) ?? throw new JsonException("A request of cases[].requests is null."));
        }

        return requests;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<RequestRecord> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);

    private static RequestRecord FromSample(int index, JsonElement sample, string promptClass, JsonSerializerOptions options)
    {
        var outcome = sample.GetProperty("outcome").Deserialize<RequestOutcome>(options) ?? throw new JsonException("A request sample has no outcome.");
        var e2e = sample.GetProperty("e2eMs").GetDouble();
        return new RequestRecord
        {
            Index = index,
            PromptClass = promptClass,
            Prompt = sample.TryGetProperty("prompt", out var prompt) ? prompt.GetString() : null,
            PromptTokens = sample.TryGetProperty("promptTokens", out var tokens) ? tokens.GetInt32() : null,
            StartMs = 0,
            FirstTokenMs = sample.TryGetProperty("ttftMs", out var ttft) ? ttft.GetDouble() : null,
            LastTokenMs = outcome.Succeeded ? e2e : null,
            EndMs = e2e,
            OutputTokens = sample.TryGetProperty("outputTokens", out var output) ? output.GetInt32() : null,
            Outcome = outcome,
        };
    }
}
