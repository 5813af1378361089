using System.ClientModel;
using System.Net.Sockets;
using System.Text.Json;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Calls;

/// <summary>The outcome of a call that threw, decided from the exception where it is caught.</summary>
public static class FailureOutcome
{
    public static RequestOutcome Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ClientResultException { Status: 400 } http => RequestOutcome.HttpStatus(400, ErrorCode(http)),
            ClientResultException { Status: > 0 } http => RequestOutcome.HttpStatus(http.Status),
            HttpRequestException { StatusCode: { } status } => RequestOutcome.HttpStatus((int)status),
            TaskCanceledException or TimeoutException => RequestOutcome.TimedOut,
            _ => exception.GetBaseException() switch
            {
                // No connection was made, so nothing was cut: the request failed before it reached a server.
                SocketException socket when NeverConnected(socket.SocketErrorCode) => RequestOutcome.Failed(Words(socket)),
                var cause when BeforeAnyResponse(exception) => RequestOutcome.Dropped(Words(cause)),
                var cause => RequestOutcome.Cut(Words(cause)),
            },
        };
    }

    /// <summary>
    /// The OpenAI error code of a 400's body (<c>context_length_exceeded</c>, <c>invalid_value</c>, ...), so a run counts
    /// a conversation that outgrew the context window apart from other bad requests; null when the body has none.
    /// </summary>
    private static string? ErrorCode(ClientResultException exception)
    {
        try
        {
            using var body = JsonDocument.Parse(exception.GetRawResponse()?.Content ?? BinaryData.Empty);
            return body.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Words(Exception cause) => cause is SocketException socket ? $"socket {socket.SocketErrorCode}" : cause.GetType().Name;

    // HttpClient wraps what goes wrong before the response's headers in an HttpRequestException; a body that breaks later
    // throws on its own.
    private static bool BeforeAnyResponse(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeverConnected(SocketError error) => error is SocketError.ConnectionRefused or SocketError.HostNotFound
        or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.AddressNotAvailable
        or SocketError.TryAgain or SocketError.NoData;
}
