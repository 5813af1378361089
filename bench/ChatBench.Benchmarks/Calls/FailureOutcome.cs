using System.ClientModel;
using System.Net.Sockets;
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
            ClientResultException { Status: > 0 } http => RequestOutcome.HttpStatus(http.Status),
            HttpRequestException { StatusCode: { } status } => RequestOutcome.HttpStatus((int)status),
            TaskCanceledException or TimeoutException => RequestOutcome.TimedOut,
            _ => exception.GetBaseException() switch
            {
                // No connection was made, so nothing was cut: the request failed before it reached a server.
                SocketException socket when NeverConnected(socket.SocketErrorCode) => RequestOutcome.Failed($"socket {socket.SocketErrorCode}"),
                SocketException socket => RequestOutcome.Cut($"socket {socket.SocketErrorCode}"),
                var other => RequestOutcome.Cut(other.GetType().Name),
            },
        };
    }

    private static bool NeverConnected(SocketError error) => error is SocketError.ConnectionRefused or SocketError.HostNotFound
        or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.AddressNotAvailable
        or SocketError.TryAgain or SocketError.NoData;
}
