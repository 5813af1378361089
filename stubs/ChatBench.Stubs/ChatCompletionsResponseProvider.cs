using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Plugs the handler into a WireMock.Net mapping. The handler writes the response itself, so the message returned
/// to WireMock carries no status code, and the response is completed first: under load, WireMock's own response
/// mapping afterwards otherwise cut some bodies before they were flushed ("response ended prematurely" at the client).
/// </summary>
internal sealed class ChatCompletionsResponseProvider(ChatCompletionsHandler handler) : IResponseProvider
{
    public async Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
        IMapping mapping, HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        await handler.HandleAsync(context, requestMessage.BodyAsBytes ?? []);
        await context.Response.CompleteAsync();
        return (new ResponseMessage(), null);
    }
}
