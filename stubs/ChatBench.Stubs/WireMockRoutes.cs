using System.Text.Json;
using ChatBench.Stubs.Protocol;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ChatBench.Stubs;

/// <summary>The routes besides chat, as WireMock.Net mappings: the model list, <c>/health</c>, and the OpenAI API's 404 for any other route.</summary>
internal static class WireMockRoutes
{
    public static void Map(WireMockServer server, StubOptions options)
    {
        server.Given(Request.Create().WithPath(ChatCompletionsStub.ModelsPaths).UsingGet())
            .RespondWith(Response.Create().WithCallback(request => ListModels(request, options)));

        // For readiness probes: 200 once the stub listens.
        server.Given(Request.Create().WithPath("/health", "/v1/health").UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => Json(200, "{\"status\":\"ok\"}"u8.ToArray())));

        server.Given(Request.Create().UsingAnyMethod())
            .AtPriority(int.MaxValue)
            .RespondWith(Response.Create().WithCallback(request => Error(OpenAIError.InvalidUrl(request.Method, request.Path))));
    }

    private static ResponseMessage ListModels(IRequestMessage request, StubOptions options)
    {
        if (options.Faults.ApiKey is { } key)
        {
            var header = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.ToString() : string.Empty;
            if (ApiKeyRule.Check(key, header) is { } error)
            {
                return Error(error);
            }
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            foreach (var model in options.Models)
            {
                json.WriteStartObject();
                json.WriteString("id", model);
                json.WriteString("object", "model");
                json.WriteNumber("created", 1_715_367_049);
                json.WriteString("owned_by", "chatbench");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Json(200, buffer.WrittenSpan.ToArray());
    }

    private static ResponseMessage Error(OpenAIError error) => Json(error.Status, error.ToJsonBytes());

    private static ResponseMessage Json(int status, byte[] body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = body },
    };
}
